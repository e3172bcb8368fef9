import { afterEach, describe, expect, it } from 'vitest';
import { KNOWN_BAD, knownBadImage, type RemoteFetchRecord } from '../../../e2e/fakes/federation/known-bad';
import type { CopyQuery } from '../types';
import { withFake, type FakeSetup } from './test-support/fake-connector';

let setup: FakeSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

const QUERY: CopyQuery = {
  originUri: KNOWN_BAD.post.uri,
  originUrl: KNOWN_BAD.post.url,
  originMediaUrls: [KNOWN_BAD.media.originUrl],
  originAccount: { acct: KNOWN_BAD.account.acct, url: KNOWN_BAD.account.url },
};

async function remoteFetches(s: FakeSetup): Promise<RemoteFetchRecord[]> {
  return (await fetch(`${s.fake.url}/__fake/remote-fetches`)).json();
}

describe('mastodon findCopies against the fake', () => {
  it('finds the federated copy, whose file is the cached known-bad image, without any remote fetch', async () => {
    setup = await withFake({ reports: 40, knownBad: { reported: false } });
    const result = await setup.connector.findCopies!(QUERY);
    if (result.status !== 'checked') throw new Error('expected checked');
    expect(result.copies).toHaveLength(1);
    const [copy] = result.copies;
    expect(copy).toMatchObject({
      postUri: KNOWN_BAD.post.uri, postUrl: KNOWN_BAD.post.url, originMediaUrl: KNOWN_BAD.media.originUrl,
      foundBy: 'origin_uri', account: { acct: KNOWN_BAD.account.acct },
    });
    expect(copy.mediaUrl?.startsWith(`${setup.fake.url}/system/media_attachments/files/`)).toBe(true);
    const file = await fetch(copy.mediaUrl!);
    expect(Buffer.from(await file.arrayBuffer()).equals(await knownBadImage('original'))).toBe(true);
    expect(await remoteFetches(setup)).toEqual([]);
    expect(setup.fake.state.remoteFetches).toEqual([]);
  });

  it('a fake without the copy answers checked with no copies (the account is unknown there)', async () => {
    setup = await withFake({ reports: 10 });
    expect(await setup.connector.findCopies!(QUERY)).toEqual({
      status: 'checked', copies: [], checked: `No account ${KNOWN_BAD.account.acct} on this instance.`,
    });
    expect(setup.fake.state.remoteFetches).toEqual([]);
  });
});
