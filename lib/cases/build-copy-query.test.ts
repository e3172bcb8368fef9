import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCopyQuery, MAX_ORIGIN_MEDIA_URLS, type CopyQuerySource } from './build-copy-query';

const empty: CopyQuerySource = { originUri: null, originUrl: null, originMediaUrl: null, originAcct: null, originAccountUrl: null, copyOriginMediaUrls: [], primary: null };

describe('buildCopyQuery', () => {
  it('takes the case origin and adds the distinct file URLs its copies recorded', () => {
    const q = buildCopyQuery({
      ...empty,
      originUri: 'https://spreader.test/users/spreader/statuses/1', originUrl: 'https://spreader.test/@spreader/1',
      originMediaUrl: 'https://spreader.test/files/a.png', originAcct: '@spreader@spreader.test', originAccountUrl: 'https://spreader.test/@spreader',
      copyOriginMediaUrls: ['https://spreader.test/files/a.png', null, 'https://spreader.test/files/a-small.png', 'https://spreader.test/files/a-small.png'],
    });
    expect(q).toEqual({
      originUri: 'https://spreader.test/users/spreader/statuses/1', originUrl: 'https://spreader.test/@spreader/1',
      originMediaUrls: ['https://spreader.test/files/a.png', 'https://spreader.test/files/a-small.png'],
      originAccount: { acct: 'spreader@spreader.test', url: 'https://spreader.test/@spreader' },
    });
  });

  it('falls back to the primary media as its instance recorded it (a federated copy)', () => {
    const q = buildCopyQuery({
      ...empty,
      primary: {
        url: 'https://mastodon.test/cache/1.png', remoteUrl: 'https://spreader.test/files/a.png', instanceDomain: 'mastodon.test',
        status: { uri: 'https://spreader.test/users/spreader/statuses/1', url: 'https://spreader.test/@spreader/1' },
        account: { acct: 'spreader@spreader.test', url: 'https://spreader.test/@spreader' },
      },
    });
    expect(q.originUri).toBe('https://spreader.test/users/spreader/statuses/1');
    expect(q.originMediaUrls).toEqual(['https://spreader.test/files/a.png']);
    expect(q.originAccount).toEqual({ acct: 'spreader@spreader.test', url: 'https://spreader.test/@spreader' });
  });

  it('a post local to the primary instance: its own file URL is the origin URL, the bare acct gets the domain', () => {
    const q = buildCopyQuery({
      ...empty,
      primary: {
        url: 'https://mastodon.test/system/1.png', remoteUrl: null, instanceDomain: 'mastodon.test',
        status: { uri: 'https://mastodon.test/users/alice/statuses/9', url: 'https://mastodon.test/@alice/9' },
        account: { acct: 'alice', url: 'https://mastodon.test/@alice' },
      },
    });
    expect(q.originMediaUrls).toEqual(['https://mastodon.test/system/1.png']);
    expect(q.originAccount?.acct).toBe('alice@mastodon.test');
    expect(q.originUri).toBe('https://mastodon.test/users/alice/statuses/9');
  });

  it('a remote account\'s cached file is not taken as the origin URL', () => {
    const q = buildCopyQuery({
      ...empty,
      primary: { url: 'https://mastodon.test/cache/1.png', remoteUrl: null, instanceDomain: 'mastodon.test', status: null, account: { acct: 'bob@else.test', url: null } },
    });
    expect(q.originMediaUrls).toEqual([]);
  });

  it('never sends anything but absolute http(s) URLs, and a bounded number of them', () => {
    fc.assert(fc.property(
      fc.record({
        originUri: fc.option(fc.oneof(fc.webUrl(), fc.string())), originUrl: fc.option(fc.oneof(fc.webUrl(), fc.string())),
        originMediaUrl: fc.option(fc.oneof(fc.webUrl(), fc.string(), fc.constant('javascript:alert(1)'), fc.constant('file:///etc/passwd'))),
        originAcct: fc.option(fc.string()), originAccountUrl: fc.option(fc.oneof(fc.webUrl(), fc.string())),
        copyOriginMediaUrls: fc.array(fc.option(fc.oneof(fc.webUrl(), fc.string())), { maxLength: 30 }),
      }),
      (src) => {
        const q = buildCopyQuery({ ...src, primary: null });
        const urls = [q.originUri, q.originUrl, q.originAccount?.url ?? null, ...q.originMediaUrls].filter((u) => u !== null);
        for (const u of urls) expect(new URL(u).protocol).toMatch(/^https?:$/);
        expect(q.originMediaUrls.length).toBeLessThanOrEqual(MAX_ORIGIN_MEDIA_URLS);
        expect(new Set(q.originMediaUrls).size).toBe(q.originMediaUrls.length);
      },
    ));
  });
});
