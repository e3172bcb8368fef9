import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../errors';
import { LemmyClient } from './client';
import { caught, withFakeLemmy, type LemmySetup } from './test-support';

let setup: LemmySetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
  vi.restoreAllMocks();
});

describe('lemmy v4 auth and verify', () => {
  it('logs in through /api/v4, caches the JWT, verifies as admin and never touches /api/v3', async () => {
    const spy = vi.spyOn(globalThis, 'fetch');
    setup = await withFakeLemmy({ reports: 3, apiVersion: 'v4' });
    const result = await setup.connector.verify();
    expect(result.ok).toBe(true);
    expect(result.account).toEqual({ username: 'admin', acct: 'admin' });
    expect(result.instance).toMatchObject({ software: 'lemmy', version: '1.0.0-beta.1', domain: 'lemmy.test' });
    expect(result.checks.map((c) => [c.name, c.ok])).toEqual([['login', true], ['site', true], ['is_admin', true], ['read:reports', true]]);
    await setup.connector.listReports({ resolved: false });
    expect(setup.fake.state.jwts.size).toBe(1); // one login, reused
    const apiPaths = spy.mock.calls.map(([url]) => new URL(String(url)).pathname).filter((p) => p.startsWith('/api/'));
    expect(apiPaths).toContain('/api/v4/account/auth/login');
    expect(apiPaths.every((p) => p.startsWith('/api/v4/'))).toBe(true);
  });

  it('works with a plain JWT', async () => {
    setup = await withFakeLemmy({ reports: 3, apiVersion: 'v4' }, (f) => f.issueJwt());
    expect((await setup.connector.verify()).ok).toBe(true);
    expect((await setup.connector.listReports({ resolved: false })).items.length).toBeGreaterThan(0);
  });

  it('logs in again once when the cached JWT is revoked', async () => {
    setup = await withFakeLemmy({ reports: 3, apiVersion: 'v4' });
    await setup.connector.listReports({ resolved: false });
    setup.fake.state.jwts.clear();
    await setup.connector.listReports({ resolved: false });
    expect(setup.fake.state.jwts.size).toBe(1);
  });

  it('fails verify and reads on a wrong password, without leaking it', async () => {
    const password = 'wrong-secret-password-9';
    setup = await withFakeLemmy({ apiVersion: 'v4' }, () => JSON.stringify({ username_or_email: 'admin', password }));
    const result = await setup.connector.verify();
    expect(result.ok).toBe(false);
    expect(result.checks).toEqual([{ name: 'login', ok: false, detail: '401 incorrect_login' }]);
    const e = (await caught(() => setup!.connector.listReports({ resolved: false }))) as AppError;
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe('forbidden');
    expect(JSON.stringify({ m: e.message, u: e.userMessage, d: e.details })).not.toContain(password);
  });

  it('a revoked plain JWT is a refusal; verify says the account cannot be read', async () => {
    let jwt = '';
    setup = await withFakeLemmy({ apiVersion: 'v4' }, (f) => (jwt = f.issueJwt()));
    setup.fake.state.jwts.clear();
    const result = await setup.connector.verify();
    expect(result.ok).toBe(false);
    expect(result.checks).toContainEqual({ name: 'is_admin', ok: false, detail: '401 incorrect_login' });
    const e = (await caught(() => setup!.connector.listReports({ resolved: false }))) as AppError;
    expect(e.code).toBe('forbidden');
    expect(`${e.message} ${e.userMessage} ${JSON.stringify(e.details)}`).not.toContain(jwt);
  });

  it('reports a non-admin account in verify', async () => {
    setup = await withFakeLemmy({ reports: 1, apiVersion: 'v4' });
    setup.fake.state.admin().admin = false;
    const result = await setup.connector.verify();
    expect(result.ok).toBe(false);
    expect(result.checks).toContainEqual({ name: 'is_admin', ok: false, detail: 'The account is not an instance admin' });
  });

  it('a v4 connector on a 0.19 instance fails verify with the 404, so detection can fall back to v3', async () => {
    setup = await withFakeLemmy({ reports: 1, apiVersion: 'v4', version: '0.19.9' });
    const result = await setup.connector.verify();
    expect(result.checks).toEqual([{ name: 'login', ok: false, detail: '404 not_found' }]);
  });

  it('the v3 connector keeps working on a Lemmy 1.0 instance (1.0 still serves v3)', async () => {
    setup = await withFakeLemmy({ reports: 3, version: '1.0.0' });
    const result = await setup.connector.verify();
    expect(result.ok).toBe(true);
    expect(result.instance?.version).toBe('1.0.0');
  });
});

describe('lemmy client re-login', () => {
  /** A scripted server: logins hand out jwt-1, jwt-2…; the first report read refuses with the given reply. */
  function scripted(refusal: { status: number; body: unknown }) {
    const seen: Array<{ path: string; auth: string | null }> = [];
    let logins = 0;
    let refused = false;
    const fetch = async (url: string, init?: RequestInit) => {
      const path = new URL(url).pathname;
      const auth = new Headers(init?.headers).get('authorization');
      seen.push({ path, auth });
      if (path.endsWith('/login')) return Response.json({ jwt: `jwt-${++logins}` });
      if (!refused) {
        refused = true;
        return Response.json(refusal.body, { status: refusal.status });
      }
      return Response.json({ post_reports: [] });
    };
    const client = new LemmyClient({ baseUrl: 'https://lemmy.example', token: '{"username_or_email":"a","password":"secret-pass"}', fetch, sleep: async () => {} });
    return { client, seen };
  }

  it('logs in again on 401 incorrect_login (what 0.19 and 1.0 answer for a revoked or expired JWT)', async () => {
    const { client, seen } = scripted({ status: 401, body: { error: 'incorrect_login' } });
    await client.request('GET', '/api/v3/post/report/list');
    expect(seen.map((s) => [s.path, s.auth])).toEqual([
      ['/api/v3/user/login', null], ['/api/v3/post/report/list', 'Bearer jwt-1'], ['/api/v3/user/login', null], ['/api/v3/post/report/list', 'Bearer jwt-2'],
    ]);
  });

  it('also logs in again on 400 not_logged_in', async () => {
    const { client, seen } = scripted({ status: 400, body: { error: 'not_logged_in' } });
    await client.request('GET', '/api/v3/post/report/list');
    expect(seen.filter((s) => s.path.endsWith('/login'))).toHaveLength(2);
  });

  it('does not log in again on other 400s', async () => {
    const { client, seen } = scripted({ status: 400, body: { error: 'not_an_admin' } });
    expect(((await caught(() => client.request('GET', '/api/v3/post/report/list'))) as AppError).code).toBe('forbidden');
    expect(seen.filter((s) => s.path.endsWith('/login'))).toHaveLength(1);
  });
});
