/** The real Akkoma connector against the real fake: it finds the federated copy and the fake records no remote fetch. */
import { afterEach, describe, expect, it } from 'vitest';
import { KNOWN_BAD, knownBadImage } from '../../../e2e/fakes/federation/known-bad';
import { proxyUrl } from '../../../e2e/fakes/akkoma/media-proxy';
import type { CopyQuery } from '../types';
import { withFakeAkkoma, type AkkomaSetup } from './test-support';

const QUERY: CopyQuery = {
  originUri: KNOWN_BAD.post.uri, originUrl: KNOWN_BAD.post.url, originMediaUrls: [KNOWN_BAD.media.originUrl],
  originAccount: { acct: KNOWN_BAD.account.acct, url: KNOWN_BAD.account.url },
};

let setup: AkkomaSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

describe('Akkoma findCopies against the fake', () => {
  it('finds the unreported copy by its origin URI, with the local post link and the proxied file', async () => {
    setup = await withFakeAkkoma({ reports: 5, knownBad: {} });
    const { fake, connector } = setup;
    const status = [...fake.state.statuses.values()].find((s) => s.uri === KNOWN_BAD.post.uri)!;
    const result = await connector.findCopies!(QUERY);
    expect(result).toEqual({
      status: 'checked', checked: expect.any(String),
      copies: [{
        postId: status.id, postUrl: `${fake.url}/notice/${status.id}`, postUri: KNOWN_BAD.post.uri,
        mediaId: status.mediaIds[0], mediaUrl: proxyUrl(fake.state, KNOWN_BAD.media.originUrl), originMediaUrl: KNOWN_BAD.media.originUrl,
        account: { remoteId: KNOWN_BAD.account.acct, acct: KNOWN_BAD.account.acct }, foundBy: 'origin_uri',
      }],
    });
    expect(fake.state.remoteFetches).toEqual([]);
  });

  it('syncs the reported copy like any report, and its media URL serves the known-bad bytes', async () => {
    setup = await withFakeAkkoma({ reports: 0, knownBad: { reported: true } });
    const page = await setup.connector.listReports({ resolved: false, limit: 50 });
    expect(page.items).toHaveLength(1);
    const media = page.items[0].statuses[0].media[0];
    expect(media.remoteUrl).toBe(KNOWN_BAD.media.originUrl);
    expect(Buffer.from(await (await fetch(media.url)).arrayBuffer()).equals(await knownBadImage())).toBe(true);
  });

  it('answers checked with no copies on a server that holds none, without any remote fetch', async () => {
    setup = await withFakeAkkoma({ reports: 5 });
    expect(await setup.connector.findCopies!(QUERY)).toEqual({ status: 'checked', copies: [], checked: expect.any(String) });
    expect(setup.fake.state.remoteFetches).toEqual([]);
  });
});
