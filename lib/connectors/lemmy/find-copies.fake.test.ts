/**
 * The real Lemmy connector against the real fake (in-process, real HTTP): it finds the fake's federated copy of the
 * known-bad post on Lemmy 0.19 (v3) and 1.0 (v4), the copy's file is served by the instance itself, and no lookup
 * ever makes the fake record a remote fetch.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { KNOWN_BAD, knownBadImage } from '../../../e2e/fakes/federation/known-bad';
import type { CopyQuery } from '../types';
import { withFakeLemmy, type LemmySetup } from './test-support';

const QUERY: CopyQuery = {
  originUri: KNOWN_BAD.post.uri,
  originUrl: KNOWN_BAD.post.url,
  originMediaUrls: [KNOWN_BAD.media.originUrl],
  originAccount: { acct: KNOWN_BAD.account.acct, url: KNOWN_BAD.account.url },
};

let setup: LemmySetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

const bytes = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());

describe.each([
  ['0.19 (API v3)', { apiVersion: 'v3' as const }],
  ['1.0 (API v4)', { apiVersion: 'v4' as const }],
  ['1.0 read through a v3 connector', { apiVersion: 'v3' as const, version: '1.0.0' }],
])('lemmy findCopies against the fake, %s', (_name, opts) => {
  it('finds the federated copy, served by the instance, without any remote fetch', async () => {
    setup = await withFakeLemmy({ reports: 4, knownBad: { reported: false, variant: 'reencoded-rotated' }, ...opts });
    const r = await setup.connector.findCopies!(QUERY);
    expect(r.status).toBe('checked');
    if (r.status !== 'checked') return;
    expect(r.copies).toHaveLength(1);
    const [copy] = r.copies;
    expect(copy).toMatchObject({ postUri: KNOWN_BAD.post.uri, originMediaUrl: KNOWN_BAD.media.originUrl, account: { acct: KNOWN_BAD.account.acct } });
    // Found by its file URL on 0.19 and by its ap_id on 1.0; either way the post's ap_id is the origin's.
    expect(copy.foundBy).toBe('origin_uri');
    expect(copy.postUrl).toBe(`${setup.fake.url}/post/${copy.postId!.slice('post:'.length)}`);
    expect(await bytes(copy.mediaUrl!)).toEqual(await knownBadImage('reencoded-rotated'));
    expect(setup.fake.state.remoteFetches).toEqual([]);
  });

  it('an instance without the copy answers checked with none', async () => {
    setup = await withFakeLemmy({ reports: 4, ...opts });
    expect(await setup.connector.findCopies!(QUERY)).toMatchObject({ status: 'checked', copies: [] });
    expect(setup.fake.state.remoteFetches).toEqual([]);
  });
});

describe.each(['v3', 'v4'] as const)('lemmy reported known-bad copy (API %s)', (apiVersion) => {
  it('syncs as an open report whose media is the instance\'s own cached file, with the origin URL as remoteUrl', async () => {
    setup = await withFakeLemmy({ reports: 0, knownBad: { reported: true }, apiVersion });
    const page = await setup.connector.listReports({ resolved: false });
    expect(page.items).toHaveLength(1);
    const [media] = page.items[0].statuses[0].media;
    expect(page.items[0].comment).toBe(KNOWN_BAD.reportComment);
    expect(media.remoteUrl).toBe(KNOWN_BAD.media.originUrl);
    expect(media.url.startsWith(setup.fake.url)).toBe(true);
    expect(await bytes(media.url)).toEqual(await knownBadImage('original'));
    expect(page.items[0].statuses[0].uri).toBe(KNOWN_BAD.post.uri);
  });
});
