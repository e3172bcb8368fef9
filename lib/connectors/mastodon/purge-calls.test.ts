import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { KNOWN_BAD } from '../../../e2e/fakes/federation/known-bad';
import { caught, withFake, type FakeSetup } from './test-support/fake-connector';

let setup: FakeSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

async function start() {
  setup = await withFake({ reports: 3, knownBad: { reported: true } });
  const account = [...setup.fake.state.accounts.values()].find((a) => a.domain === KNOWN_BAD.originDomain)!;
  const status = [...setup.fake.state.statuses.values()].find((s) => s.uri === KNOWN_BAD.post.uri)!;
  return { s: setup, accountId: account.id, statusId: status.id };
}

describe('mastodon account.delete and getAccount', () => {
  it('declares account.delete with the suspend-first note', async () => {
    const { s } = await start();
    expect(s.connector.capabilities.actions).toContain('account.delete');
    expect(s.connector.capabilities.notes['account.delete']).toMatch(/Suspend first/);
  });

  it('refuses (403) to delete an unsuspended account, with a clear "suspend first" error', async () => {
    const { s, accountId } = await start();
    const err = await caught(() => s.connector.perform({ kind: 'account.delete', accountId }));
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('forbidden');
    expect((err as AppError).details?.status).toBe(403);
    expect((err as AppError).userMessage).toMatch(/suspend the account first/i);
    expect(s.fake.state.records.at(-1)).toMatchObject({ method: 'DELETE', path: `/api/v1/admin/accounts/${accountId}`, status: 403 });
  });

  it('suspend then delete: the data goes, getAccount still reads it back as suspended, a second delete is explained', async () => {
    const { s, accountId, statusId } = await start();
    expect(await s.connector.getAccount!(accountId)).toMatchObject({ remoteId: accountId, suspended: false, domain: KNOWN_BAD.originDomain });
    await s.connector.perform({ kind: 'account.action', accountId, type: 'suspend', notify: false });
    expect(await s.connector.perform({ kind: 'account.delete', accountId })).toEqual({ ok: true, remoteRef: accountId });
    expect(s.fake.state.statuses.has(statusId)).toBe(false);
    expect(await s.connector.getAccount!(accountId)).toMatchObject({ remoteId: accountId, suspended: true });
    const lookup = await s.connector.findCopies!({
      originUri: KNOWN_BAD.post.uri, originUrl: KNOWN_BAD.post.url, originMediaUrls: [KNOWN_BAD.media.originUrl],
      originAccount: { acct: KNOWN_BAD.account.acct, url: KNOWN_BAD.account.url },
    });
    expect(lookup).toMatchObject({ status: 'checked', copies: [] });
    // A resend (its first answer lost) is refused by Mastodon with 403; the data is gone, so the step is done.
    expect(await s.connector.perform({ kind: 'account.delete', accountId })).toEqual({ ok: true, remoteRef: 'already deleted' });
    expect(s.fake.state.records.at(-1)).toMatchObject({ method: 'DELETE', status: 403 });
  });

  it('a role without Delete User Data is refused and told why', async () => {
    const { s, accountId } = await start();
    s.fake.state.auth.rolePermissions.deleteUserData = false;
    await s.connector.perform({ kind: 'account.action', accountId, type: 'suspend', notify: false });
    const err = await caught(() => s.connector.perform({ kind: 'account.delete', accountId }));
    expect((err as AppError).userMessage).toMatch(/Delete User Data/);
  });

  it('getAccount is null for an account the server does not have', async () => {
    const { s } = await start();
    expect(await s.connector.getAccount!('109999999999999999')).toBeNull();
  });
});
