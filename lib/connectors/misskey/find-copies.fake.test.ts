/** The real Misskey connector against the real fake: it finds the federated copy and the fake records no remote fetch. */
import { afterEach, describe, expect, it } from 'vitest';
import { KNOWN_BAD, knownBadImage } from '../../../e2e/fakes/federation/known-bad';
import type { CopyQuery } from '../types';
import { withFake, type FakeSetup } from './test-support/with-fake';

const QUERY: CopyQuery = {
  originUri: KNOWN_BAD.post.uri, originUrl: KNOWN_BAD.post.url, originMediaUrls: [KNOWN_BAD.media.originUrl],
  originAccount: { acct: KNOWN_BAD.account.acct, url: KNOWN_BAD.account.url },
};

let setup: FakeSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

describe('Misskey findCopies against the fake', () => {
  it('finds the unreported copy by its origin URI, with the local note, file and origin file URL', async () => {
    setup = await withFake({ reports: 5, knownBad: {} });
    const { fake, connector } = setup;
    const note = [...fake.state.notes.values()].find((n) => n.uri === KNOWN_BAD.post.uri)!;
    const result = await connector.findCopies!(QUERY);
    expect(result).toEqual({
      status: 'checked', checked: expect.any(String),
      copies: [{
        postId: note.id, postUrl: `${fake.url}/notes/${note.id}`, postUri: KNOWN_BAD.post.uri,
        mediaId: note.fileIds[0], mediaUrl: `${fake.url}/files/${note.fileIds[0]}`, originMediaUrl: KNOWN_BAD.media.originUrl,
        account: { remoteId: note.userId, acct: KNOWN_BAD.account.acct }, foundBy: 'origin_uri',
      }],
    });
    expect(fake.state.remoteFetches).toEqual([]);
  });

  it('finds a linked (uncached) copy by the origin file URL when the note is gone', async () => {
    setup = await withFake({ reports: 0, knownBad: {} });
    const { fake, connector } = setup;
    const note = [...fake.state.notes.values()].find((n) => n.uri === KNOWN_BAD.post.uri)!;
    const file = fake.state.files.get(note.fileIds[0])!;
    file.isLink = true;
    fake.state.notes.delete(note.id);
    const result = await connector.findCopies!(QUERY);
    expect(result.status === 'checked' && result.copies).toEqual([expect.objectContaining({ foundBy: 'media_url', mediaId: file.id, mediaUrl: KNOWN_BAD.media.originUrl, postId: null })]);
    expect(fake.state.remoteFetches).toEqual([]);
  });

  it('syncs the reported copy like any report: the comment\'s note link brings the note and its cached file', async () => {
    setup = await withFake({ reports: 0, knownBad: { reported: true, variant: 'reencoded-rotated' } });
    const page = await setup.connector.listReports({ resolved: false, limit: 50 });
    expect(page.items).toHaveLength(1);
    const [status] = page.items[0].statuses;
    expect(status.uri).toBe(KNOWN_BAD.post.uri);
    expect(Buffer.from(await (await fetch(status.media[0].url)).arrayBuffer()).equals(await knownBadImage('reencoded-rotated'))).toBe(true);
  });

  it('answers checked with no copies on a server that holds none, without any remote fetch', async () => {
    setup = await withFake({ reports: 5 });
    const result = await setup.connector.findCopies!(QUERY);
    expect(result).toEqual({ status: 'checked', copies: [], checked: expect.any(String) });
    expect(setup.fake.state.remoteFetches).toEqual([]);
  });
});
