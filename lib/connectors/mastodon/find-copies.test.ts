import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import type { CopyQuery, FetchLike } from '../types';
import { createMastodonConnector } from './connector';

const ORIGIN_URI = 'https://origin.example/users/alice/statuses/1';
const FILE = 'https://origin.example/system/media_attachments/files/1/original/a.png';
const QUERY: CopyQuery = {
  originUri: ORIGIN_URI,
  originUrl: 'https://origin.example/@alice/1',
  originMediaUrls: [FILE],
  originAccount: { acct: 'alice@origin.example', url: 'https://origin.example/@alice' },
};

type Answer = { status: number; body: unknown; headers?: Record<string, string> };

/** A stub Mastodon: answers each request from `route`, records every URL asked for. */
function stub(route: (url: URL) => Answer) {
  const calls: URL[] = [];
  const fetch: FetchLike = async (url) => {
    const u = new URL(url);
    calls.push(u);
    const a = route(u);
    return new Response(JSON.stringify(a.body), { status: a.status, headers: { 'content-type': 'application/json', ...a.headers } });
  };
  const connector = createMastodonConnector({ baseUrl: 'https://m.example', token: 'tok', fetch, sleep: async () => {} });
  return { connector, calls };
}

const account = { id: '42', username: 'alice', acct: 'alice@origin.example' };
const status = (id: string, uri: string, media: Array<{ id: string; remote_url: string | null; type?: string }>) => ({
  id, uri, url: `https://origin.example/@alice/${id}`, account,
  media_attachments: media.map((m) => ({ type: 'image', url: `https://m.example/system/${m.id}.png`, ...m })),
});

describe('mastodon findCopies (stub server)', () => {
  it('looks the account up, reads its media posts, and maps the origin post', async () => {
    const { connector, calls } = stub((u) => u.pathname === '/api/v1/accounts/lookup'
      ? { status: 200, body: account }
      : { status: 200, body: [status('9', 'https://origin.example/users/alice/statuses/2', []), status('7', ORIGIN_URI, [{ id: 'm0', remote_url: 'x', type: 'video' }, { id: 'm1', remote_url: FILE }])] });
    const result = await connector.findCopies!(QUERY);
    expect(result).toEqual({
      status: 'checked',
      checked: 'Looked up alice@origin.example and read its 2 newest stored media posts.',
      copies: [{
        postId: '7', postUrl: 'https://origin.example/@alice/7', postUri: ORIGIN_URI, mediaId: 'm1',
        mediaUrl: 'https://m.example/system/m1.png', originMediaUrl: FILE, account: { remoteId: '42', acct: 'alice@origin.example' },
        foundBy: 'origin_uri',
      }],
    });
    expect(calls.map((c) => c.pathname)).toEqual(['/api/v1/accounts/lookup', '/api/v1/accounts/42/statuses']);
    expect(calls[0].searchParams.get('acct')).toBe('alice@origin.example');
    expect(calls[1].searchParams.get('only_media')).toBe('true');
    // Never a search, never resolve.
    expect(calls.some((c) => c.pathname.includes('search') || c.searchParams.has('resolve'))).toBe(false);
  });

  it('finds a re-post by its file URL alone (foundBy media_url)', async () => {
    const { connector } = stub((u) => u.pathname.endsWith('/lookup')
      ? { status: 200, body: account }
      : { status: 200, body: [status('8', 'https://origin.example/users/alice/statuses/99', [{ id: 'm5', remote_url: FILE }])] });
    const result = await connector.findCopies!(QUERY);
    expect(result.status === 'checked' && result.copies.map((c) => [c.postId, c.foundBy, c.mediaId])).toEqual([['8', 'media_url', 'm5']]);
  });

  it('reads at most two pages, following Link max_id', async () => {
    const page = Array.from({ length: 40 }, (_, i) => status(String(1000 - i), `https://origin.example/s/${i}`, []));
    const { connector, calls } = stub((u) => u.pathname.endsWith('/lookup')
      ? { status: 200, body: account }
      : { status: 200, body: page, headers: { link: '<https://m.example/api/v1/accounts/42/statuses?max_id=961>; rel="next"' } });
    const result = await connector.findCopies!(QUERY);
    expect(result).toMatchObject({ status: 'checked', copies: [], checked: expect.stringContaining('80 newest') });
    expect(calls).toHaveLength(3);
    expect(calls[2].searchParams.get('max_id')).toBe('961');
  });

  it('an unknown account (404) is checked with no copies', async () => {
    const { connector, calls } = stub(() => ({ status: 404, body: { error: 'Record not found' } }));
    expect(await connector.findCopies!(QUERY)).toEqual({ status: 'checked', copies: [], checked: 'No account alice@origin.example on this instance.' });
    expect(calls).toHaveLength(1);
  });

  it('cannot check without an origin account, and asks nothing', async () => {
    const { connector, calls } = stub(() => ({ status: 500, body: {} }));
    const result = await connector.findCopies!({ ...QUERY, originAccount: null });
    expect(result.status).toBe('cannot_check');
    expect(calls).toHaveLength(0);
  });

  it('a server error is an AppError, not a silent "no copies"', async () => {
    const { connector } = stub(() => ({ status: 403, body: { error: 'This action is outside the authorized scopes' } }));
    await expect(connector.findCopies!(QUERY)).rejects.toMatchObject({ code: 'forbidden' });
  });
});

// Hostile values: missing fields, wrong types, NUL bytes, huge strings, and the interesting right answers.
const hostileString = fc.oneof(
  fc.string(), fc.constant(ORIGIN_URI), fc.constant(FILE), fc.constant(`${ORIGIN_URI}\u0000`),
  fc.constant('x'.repeat(100_000)), fc.constant(''),
);
const hostile = fc.oneof(hostileString, fc.integer(), fc.constant(null), fc.boolean(), fc.object(), fc.array(fc.anything(), { maxLength: 3 }));
const hostileMedia = fc.record({ id: hostile, type: hostile, url: hostile, remote_url: hostile }, { requiredKeys: [] });
const hostileStatus = fc.oneof(
  fc.record({
    id: fc.oneof(fc.constant('7'), hostile), uri: hostile, url: hostile,
    account: fc.oneof(hostile, fc.record({ id: hostile, username: hostile, acct: hostile }, { requiredKeys: [] })),
    media_attachments: fc.oneof(hostile, fc.array(hostileMedia, { maxLength: 3 })),
  }, { requiredKeys: [] }),
  hostile,
);

describe('mastodon findCopies: hostile payloads (property)', () => {
  it('never throws anything but AppError, and every copy provably matches the query', async () => {
    await fc.assert(fc.asyncProperty(
      fc.oneof(fc.constant<unknown>(account), hostile),
      fc.oneof(fc.array(hostileStatus, { maxLength: 5 }), hostile),
      async (lookupBody, statusesBody) => {
        const { connector } = stub((u) => ({ status: 200, body: u.pathname.endsWith('/lookup') ? lookupBody : statusesBody }));
        try {
          const result = await connector.findCopies!(QUERY);
          if (result.status !== 'checked') return;
          for (const copy of result.copies) {
            if (copy.foundBy === 'origin_uri') expect(copy.postUri).toBe(ORIGIN_URI);
            else expect(QUERY.originMediaUrls).toContain(copy.originMediaUrl);
            for (const v of [copy.postUrl, copy.postUri, copy.mediaUrl, copy.mediaId, copy.originMediaUrl, copy.account?.acct]) {
              if (v !== null && v !== undefined) expect(v.includes('\u0000') || v.length > 2048).toBe(false);
            }
          }
        } catch (e) {
          expect(e).toBeInstanceOf(AppError);
        }
      },
    ), { numRuns: 300 });
  });
});
