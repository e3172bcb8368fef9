/** getAccount against the fake Misskey: identity from users/show, suspension from admin/show-user, null once deleted. */
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { KNOWN_BAD } from '../../../e2e/fakes/federation/known-bad';
import { misskeyError, readErrorBody } from './remote-errors';
import { caught, withFake, type FakeSetup } from './test-support/with-fake';

let setup: FakeSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

const spreader = (s: FakeSetup) => [...s.fake.state.users.values()].find((u) => u.host === KNOWN_BAD.originDomain)!.id;

describe('misskey getAccount', () => {
  it('reads a remote user by id and its suspension, without making the server fetch', async () => {
    setup = await withFake({ reports: 0, knownBad: {} });
    const id = spreader(setup);
    expect(await setup.connector.getAccount!(id)).toMatchObject({ remoteId: id, acct: KNOWN_BAD.account.acct, suspended: false });
    await setup.connector.perform({ kind: 'account.action', accountId: id, type: 'suspend', notify: false });
    expect(await setup.connector.getAccount!(id)).toMatchObject({ remoteId: id, suspended: true });
    expect(setup.fake.state.remoteFetches).toEqual([]);
  });

  it('answers null after admin/delete-account and for an unknown id', async () => {
    setup = await withFake({ reports: 0, knownBad: {} });
    const id = spreader(setup);
    await setup.connector.perform({ kind: 'account.delete', accountId: id });
    expect(await setup.connector.getAccount!(id)).toBeNull();
    expect(await setup.connector.getAccount!('zzzzzzzzzz')).toBeNull();
  });

  it('treats admin/show-user\'s 500 "user not found" as gone, but a refusal stays an error', async () => {
    setup = await withFake({ reports: 0, knownBad: {} });
    const id = spreader(setup);
    // The user vanishes between users/show and admin/show-user (the delete job ran in between).
    const { state } = setup.fake;
    const real = state.users.get.bind(state.users);
    let calls = 0;
    state.users.get = (key: string) => (++calls > 1 ? undefined : real(key));
    expect(await setup.connector.getAccount!(id)).toBeNull();
    state.users.get = real;
    await fetch(`${setup.fake.url}/__fake/auth`, { method: 'POST', body: JSON.stringify({ permissions: ['read:account'] }) });
    const e = await caught(() => setup!.connector.getAccount!(id));
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('forbidden');
  });
});

describe('misskey INTERNAL_ERROR cause', () => {
  it('is kept (cleaned, token redacted) only for INTERNAL_ERROR, so "user not found" can be told apart', () => {
    const token = 'secret-token-123';
    const body = (code: string, message: string) => JSON.stringify({ error: { message: 'Internal error', code, id: 'x', kind: 'server', info: { e: { message } } } });
    const err = readErrorBody(body('INTERNAL_ERROR', `user not found ${token}`), token);
    expect(err.cause).not.toContain(token);
    expect(misskeyError(500, readErrorBody(body('INTERNAL_ERROR', 'user not found'), token), 'admin/show-user').details).toMatchObject({ cause: 'user not found' });
    expect(readErrorBody(body('NO_SUCH_USER', 'user not found'), token).cause).toBeNull();
  });
});
