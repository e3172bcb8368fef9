import { afterEach, describe, expect, it } from 'vitest';
import { createMastodonConnector } from './connector';
import { withFake, type FakeSetup } from './test-support/fake-connector';

let setup: FakeSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

const check = (result: { checks: Array<{ name: string; ok: boolean; detail: string }> }, name: string) =>
  result.checks.find((c) => c.name === name);

describe('mastodon verify()', () => {
  it('passes every check with a good admin token', async () => {
    setup = await withFake({ domain: 'alpha.test', title: 'Alpha' });
    const result = await setup.connector.verify();
    expect(result.ok).toBe(true);
    expect(result.account).toEqual({ username: 'admin', acct: 'admin' });
    expect(result.instance).toEqual({ title: 'Alpha', version: '4.4.0', software: 'mastodon', domain: 'alpha.test' });
    expect(result.checks.every((c) => c.ok)).toBe(true);
    expect(check(result, 'role')?.detail).toBe('Role "Owner": Manage Reports yes, Manage Users yes, Manage Federation yes');
  });

  it('reports a wrong token with the remote text', async () => {
    setup = await withFake();
    const wrong = createMastodonConnector({ baseUrl: setup.fake.url, token: 'nope', fetch: globalThis.fetch });
    const result = await wrong.verify();
    expect(result.ok).toBe(false);
    expect(result.account).toBeNull();
    expect(check(result, 'verify_credentials')).toEqual({ name: 'verify_credentials', ok: false, detail: '401 The access token is invalid' });
    expect(check(result, 'admin:read:reports')?.detail).toBe('401 The access token is invalid');
    expect(check(result, 'instance')?.ok).toBe(true); // the instance endpoint is public
  });

  it('names the missing admin:read:reports scope', async () => {
    setup = await withFake({ scopes: ['read', 'admin:read:accounts', 'admin:read:domain_blocks', 'admin:write'] });
    const result = await setup.connector.verify();
    expect(result.ok).toBe(false);
    expect(result.account?.username).toBe('admin');
    expect(check(result, 'admin:read:reports')).toEqual({ name: 'admin:read:reports', ok: false, detail: '403 This action is not allowed' });
    expect(check(result, 'admin:read:domain_blocks')?.ok).toBe(true);
  });

  it('flags a role without Manage Reports', async () => {
    setup = await withFake({ rolePermissions: { manageReports: false, manageUsers: true, manageFederation: false } });
    const result = await setup.connector.verify();
    expect(result.ok).toBe(false);
    expect(check(result, 'admin:read:reports')?.detail).toBe('403 This action is not allowed');
    expect(check(result, 'role')).toEqual({
      name: 'role', ok: false, detail: 'Role "Limited staff": Manage Reports no, Manage Users yes, Manage Federation no',
    });
    expect(check(result, 'admin:read:domain_blocks')?.detail).toBe('403 This action is not allowed');
  });

  it('reports an unreachable instance without throwing', async () => {
    setup = await withFake();
    const url = setup.fake.url;
    await setup.fake.close();
    setup = null;
    const gone = createMastodonConnector({ baseUrl: url, token: 't', fetch: globalThis.fetch, sleep: async () => {} });
    const result = await gone.verify();
    expect(result.ok).toBe(false);
    expect(result.checks.every((c) => !c.ok && c.detail === 'The instance could not be reached.')).toBe(true);
  });
});
