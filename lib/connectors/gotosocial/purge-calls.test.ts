import { afterEach, describe, expect, it } from 'vitest';
import { KNOWN_BAD } from '../../../e2e/fakes/federation/known-bad';
import { withFake, type FakeSetup } from './test-support/fake-connector';

let setup: FakeSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

const QUERY = {
  originUri: KNOWN_BAD.post.uri, originUrl: KNOWN_BAD.post.url, originMediaUrls: [KNOWN_BAD.media.originUrl],
  originAccount: { acct: KNOWN_BAD.account.acct, url: KNOWN_BAD.account.url },
};

describe('gotosocial getAccount and the purge steps against the fake', () => {
  it('suspend deletes the copy (lookup finds nothing, file 404) and getAccount reads the account back suspended', async () => {
    setup = await withFake({ reports: 3, knownBad: {} });
    const found = await setup.connector.findCopies!(QUERY);
    if (found.status !== 'checked') throw new Error('expected a checked lookup');
    const [copy] = found.copies;
    const accountId = copy.account!.remoteId!;
    expect(await setup.connector.getAccount!(accountId)).toMatchObject({
      remoteId: accountId, acct: KNOWN_BAD.account.acct, suspended: false, email: null, domain: KNOWN_BAD.originDomain,
    });
    await setup.connector.perform({ kind: 'account.action', accountId, type: 'suspend', notify: false });
    expect(await setup.connector.getAccount!(accountId)).toMatchObject({ remoteId: accountId, suspended: true });
    expect(await setup.connector.findCopies!(QUERY)).toMatchObject({ status: 'checked', copies: [] });
    expect((await fetch(copy.mediaUrl!)).status).toBe(404);
  });

  it('media_cleanup 0 days makes the cached file 404 while the lookup still finds the post', async () => {
    setup = await withFake({ reports: 3, knownBad: {} });
    const found = await setup.connector.findCopies!(QUERY);
    if (found.status !== 'checked') throw new Error('expected a checked lookup');
    await setup.connector.perform({ kind: 'media.purge', olderThanDays: 0 });
    expect((await fetch(found.copies[0].mediaUrl!)).status).toBe(404);
    expect(await setup.connector.findCopies!(QUERY)).toMatchObject({ status: 'checked', copies: [{ postUri: KNOWN_BAD.post.uri }] });
  });

  it('getAccount is null for an account the server does not have', async () => {
    setup = await withFake({ reports: 3 });
    expect(await setup.connector.getAccount!('01ZZZZZZZZZZZZZZZZZZZZZZZZ')).toBeNull();
  });
});
