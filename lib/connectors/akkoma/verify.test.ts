import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { createAkkomaConnector } from './connector';
import { caught, withFakeAkkoma, type AkkomaSetup } from './test-support';

let setup: AkkomaSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

describe('akkoma verify()', () => {
  it('passes with an admin token on an Akkoma instance', async () => {
    setup = await withFakeAkkoma({ reports: 3 });
    const result = await setup.connector.verify();
    expect(result.ok).toBe(true);
    expect(result.account).toEqual({ username: 'admin', acct: 'admin' });
    expect(result.instance).toMatchObject({ software: 'akkoma', domain: 'akkoma.test', version: '2.7.2 (compatible; Akkoma 3.13.2)' });
    expect(result.checks.map((c) => [c.name, c.ok])).toEqual([
      ['verify_credentials', true], ['is_admin', true], ['instance', true], ['admin:read:reports', true],
    ]);
  });

  it('flags an instance that is not Pleroma or Akkoma, and accepts Pleroma', async () => {
    setup = await withFakeAkkoma({ version: '4.4.0' });
    expect((await setup.connector.verify()).checks.find((c) => c.name === 'instance')).toMatchObject({ ok: false });
    await setup.fake.close();
    setup = await withFakeAkkoma({ version: '2.6.0 (compatible; Pleroma 2.6.0)' });
    expect((await setup.connector.verify()).checks.find((c) => c.name === 'instance')).toMatchObject({ ok: true });
  });

  it('reports a token without admin:read:reports, in the instance\'s words', async () => {
    setup = await withFakeAkkoma({ scopes: ['read', 'admin:write'] });
    const result = await setup.connector.verify();
    expect(result.ok).toBe(false);
    expect(result.checks.find((c) => c.name === 'admin:read:reports')).toEqual({
      name: 'admin:read:reports', ok: false, detail: '403 Insufficient permissions: admin:read:reports.',
    });
  });

  it('reports a non-admin account', async () => {
    setup = await withFakeAkkoma();
    setup.fake.state.admin().isAdmin = false;
    const result = await setup.connector.verify();
    expect(result.ok).toBe(false);
    expect(result.checks.find((c) => c.name === 'is_admin')?.ok).toBe(false);
  });
});

describe('akkoma auth failures and secrets', () => {
  it('maps a rejected token to forbidden on every call and never echoes it', async () => {
    const token = 'wrong-token-SECRET-1234567890';
    setup = await withFakeAkkoma({ reports: 3 }, token);
    const result = await setup.connector.verify();
    expect(result.ok).toBe(false);
    expect(result.checks.find((c) => c.name === 'verify_credentials')?.detail).toBe('403 Invalid credentials.');
    const e = (await caught(() => setup!.connector.listReports({ resolved: false }))) as AppError;
    expect(e.code).toBe('forbidden');
    expect(JSON.stringify({ result, m: e.message, u: e.userMessage, d: e.details })).not.toContain(token);
  });

  it('refuses a write without its scope with the remote text', async () => {
    setup = await withFakeAkkoma({ scopes: ['read', 'admin:read', 'admin:write:reports'] });
    const e = (await caught(() => setup!.connector.perform({ kind: 'status.delete', statusId: 'ST1' }))) as AppError;
    expect(e.code).toBe('forbidden');
    expect(e.details?.remoteError).toBe('Insufficient permissions: admin:write:statuses.');
    expect(setup.fake.state.records.at(-1)).toMatchObject({ method: 'DELETE', status: 403 });
  });

  it('redacts a token that a hostile server echoes back, and maps 422 to remote_error', async () => {
    const token = 'echo-me-SECRET-abcdef';
    const connector = createAkkomaConnector({
      baseUrl: 'http://127.0.0.1:9',
      token,
      fetch: async (_url, init) => {
        const auth = new Headers(init?.headers).get('authorization');
        return new Response(JSON.stringify({ error: `cannot use ${auth}` }), { status: 422 });
      },
      sleep: async () => {},
    });
    const e = (await caught(() => connector.perform({ kind: 'status.sensitive', statusId: 'ST1', sensitive: true }))) as AppError;
    expect(e.code).toBe('remote_error');
    expect(e.details?.remoteError).toBe('cannot use Bearer [redacted]');
    expect(JSON.stringify({ m: e.message, u: e.userMessage, d: e.details, s: e.stack })).not.toContain(token);
  });

  it('turns an unreachable instance into remote_unreachable without the token', async () => {
    const token = 'net-SECRET-999';
    const connector = createAkkomaConnector({
      baseUrl: 'http://127.0.0.1:9',
      token,
      fetch: async () => {
        throw new TypeError(`connect ECONNREFUSED (Authorization: Bearer ${token})`);
      },
      sleep: async () => {},
    });
    const e = (await caught(() => connector.listReports({ resolved: false }))) as AppError;
    expect(e.code).toBe('remote_unreachable');
    expect(e.details?.attempts).toBe(4);
    expect(JSON.stringify({ m: e.message, u: e.userMessage, d: e.details })).not.toContain(token);
  });
});
