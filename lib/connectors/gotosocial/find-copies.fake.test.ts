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

describe('gotosocial findCopies against the fake', () => {
  it('finds the federated copy (re-encoded, rotated) without any remote fetch', async () => {
    setup = await withFake({ reports: 20, knownBad: { reported: true, variant: 'reencoded-rotated' } });
    const result = await setup.connector.findCopies!(QUERY);
    if (result.status !== 'checked') throw new Error('expected checked');
    expect(result.copies).toHaveLength(1);
    const [copy] = result.copies;
    expect(copy).toMatchObject({
      postUri: KNOWN_BAD.post.uri, postUrl: KNOWN_BAD.post.url, originMediaUrl: KNOWN_BAD.media.originUrl,
      foundBy: 'origin_uri', account: { acct: KNOWN_BAD.account.acct },
    });
    const file = await fetch(copy.mediaUrl!);
    expect(file.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await file.arrayBuffer()).equals(await knownBadImage('reencoded-rotated'))).toBe(true);
    expect(await remoteFetches(setup)).toEqual([]);
  });

  it('a fake without the copy answers checked with no copies', async () => {
    setup = await withFake({ reports: 10 });
    expect(await setup.connector.findCopies!(QUERY)).toMatchObject({ status: 'checked', copies: [] });
    expect(setup.fake.state.remoteFetches).toEqual([]);
  });
});
