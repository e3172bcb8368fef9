/** getAccount against the fake Lemmy, on both API generations: by id from the database, null once purged. */
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { caught, withFakeLemmy, type LemmySetup } from './test-support';

let setup: LemmySetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

describe.each(['v3', 'v4'] as const)('lemmy getAccount on %s', (api) => {
  const start = () => withFakeLemmy({ reports: 0, apiVersion: api, knownBad: {} });
  const spreaderId = (s: LemmySetup) => String([...s.fake.state.persons.values()].find((p) => p.name === 'spreader')!.id);

  it('reads a remote person by id, with its ban, and never makes the server fetch', async () => {
    setup = await start();
    const id = spreaderId(setup);
    expect(await setup.connector.getAccount!(id)).toMatchObject({ remoteId: id, acct: 'spreader@spreader.test', suspended: false });
    await setup.connector.perform({ kind: 'account.action', accountId: id, type: 'suspend', notify: false });
    expect(await setup.connector.getAccount!(id)).toMatchObject({ remoteId: id, suspended: true });
    expect(setup.fake.state.remoteFetches).toEqual([]);
    const read = api === 'v4' ? '/api/v4/person' : '/api/v3/user';
    expect(setup.fake.state.records.filter((r) => r.path === read)).toEqual([]); // reads are not writes
  });

  it('answers null once the person is purged (deleted, banned) and for an id the server does not know', async () => {
    setup = await start();
    const id = spreaderId(setup);
    await setup.connector.perform({ kind: 'account.delete', accountId: id });
    expect(setup.fake.state.persons.get(Number(id))).toMatchObject({ deleted: true, banned: true });
    expect(await setup.connector.getAccount!(id)).toBeNull();
    expect(await setup.connector.getAccount!('9999')).toBeNull();
  });

  it('refuses an id that is not a Lemmy person id before sending anything', async () => {
    setup = await start();
    const e = await caught(() => setup!.connector.getAccount!('alice@x'));
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('bad_request');
  });
});
