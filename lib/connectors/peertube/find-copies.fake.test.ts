/**
 * The real PeerTube connector against the real fake: the known-bad image post cannot be checked on PeerTube (it holds
 * only videos), a video held by the instance is found by its URL's UUID, and no lookup makes the fake record a
 * remote fetch.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { KNOWN_BAD } from '../../../e2e/fakes/federation/known-bad';
import { NOT_A_VIDEO } from './find-copies';
import { withFakePeerTube, type PeerTubeSetup } from './test-support';
import { uuidToShort } from './video-ref';

let setup: PeerTubeSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

describe('peertube findCopies against the fake', () => {
  it('says cannot_check for the known-bad image post, and asks nothing', async () => {
    setup = await withFakePeerTube({ reports: 3, knownBad: { reported: true } });
    const r = await setup.connector.findCopies!({
      originUri: KNOWN_BAD.post.uri, originUrl: KNOWN_BAD.post.url, originMediaUrls: [KNOWN_BAD.media.originUrl],
      originAccount: { acct: KNOWN_BAD.account.acct, url: KNOWN_BAD.account.url },
    });
    expect(r).toEqual({ status: 'cannot_check', reason: NOT_A_VIDEO });
    expect(setup.fake.state.remoteFetches).toEqual([]);
    expect(setup.fake.state.records).toEqual([]);
  });

  it('finds a video the instance holds by its /w/<shortUUID> URL, with no remote fetch', async () => {
    setup = await withFakePeerTube({ reports: 6 });
    const v = [...setup.fake.state.videos.values()][0];
    const r = await setup.connector.findCopies!({ originUri: null, originUrl: `https://origin.example/w/${uuidToShort(v.uuid)}`, originMediaUrls: [], originAccount: null });
    expect(r).toMatchObject({ status: 'checked', copies: [{ postId: `video-${v.id}`, postUrl: `${setup.fake.url}/w/${v.uuid}`, foundBy: 'origin_uri' }] });
    const thumb = r.status === 'checked' ? r.copies[0].mediaUrl : null;
    expect((await fetch(thumb!)).status).toBe(200);
    expect(setup.fake.state.remoteFetches).toEqual([]);
  });

  it('a video it does not hold: checked, none', async () => {
    setup = await withFakePeerTube({ reports: 2 });
    const r = await setup.connector.findCopies!({ originUri: 'https://origin.example/videos/watch/a44521d0-0fb8-4ade-8002-3385545c3318', originUrl: null, originMediaUrls: [], originAccount: null });
    expect(r).toMatchObject({ status: 'checked', copies: [] });
    expect(setup.fake.state.remoteFetches).toEqual([]);
  });
});
