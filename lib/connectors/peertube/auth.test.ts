import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { createPeerTubeConnector } from './connector';
import { parseCredentials } from './credentials';
import { caught, withFakePeerTube, type PeerTubeSetup } from './test-support';

let setup: PeerTubeSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

const grants = (s: PeerTubeSetup) => s.fake.state.records.filter((r) => r.path === '/api/v1/users/token').map((r) => [r.body.grant_type, r.status]);

describe('peertube credentials', () => {
  it('tells a token from JSON credentials', () => {
    expect(parseCredentials('abc123')).toEqual({ mode: 'token', accessToken: 'abc123' });
    expect(parseCredentials('{"username":"root","password":"pw"}')).toEqual({ mode: 'password', username: 'root', password: 'pw' });
    expect(parseCredentials('{"username":"root"}')).toEqual({ mode: 'token', accessToken: '{"username":"root"}' });
  });
});

describe('peertube OAuth session', () => {
  it('signs in with the password grant once and reuses the token', async () => {
    setup = await withFakePeerTube({ reports: 5 });
    await setup.connector.listReports({ resolved: false });
    await setup.connector.listReports({ resolved: false });
    expect(grants(setup)).toEqual([['password', 200]]);
  });

  it('refreshes once on 401, then signs in again when the refresh token is gone too', async () => {
    setup = await withFakePeerTube({ reports: 5 });
    await setup.connector.listReports({ resolved: false });
    setup.fake.state.auth.access.clear();
    await setup.connector.listReports({ resolved: false });
    expect(grants(setup)).toEqual([['password', 200], ['refresh_token', 200]]);
    setup.fake.state.auth.access.clear();
    setup.fake.state.auth.refresh.clear();
    const page = await setup.connector.listReports({ resolved: false });
    expect(page.items.length).toBeGreaterThan(0);
    expect(grants(setup)).toEqual([['password', 200], ['refresh_token', 200], ['refresh_token', 400], ['password', 200]]);
  });

  it('accepts a plain access token and does not try to renew it', async () => {
    setup = await withFakePeerTube({ reports: 3 });
    const token = setup.fake.state.issueTokens().access_token;
    const connector = createPeerTubeConnector({ baseUrl: setup.fake.url, token, fetch: globalThis.fetch, sleep: async () => {} });
    expect((await connector.listReports({ resolved: false })).items.length).toBeGreaterThan(0);
    setup.fake.state.auth.access.clear();
    const e = (await caught(() => connector.listReports({ resolved: false }))) as AppError;
    expect(e.code).toBe('forbidden');
    expect(e.details?.status).toBe(401);
    expect(grants(setup)).toEqual([]);
    expect(JSON.stringify({ m: e.message, u: e.userMessage, d: e.details })).not.toContain(token);
  });
});

describe('peertube auth failures and secrets', () => {
  it('maps a wrong password to forbidden and never echoes it', async () => {
    setup = await withFakePeerTube({ reports: 3 });
    const password = 'wrong-password-SECRET-123';
    const token = JSON.stringify({ username: 'root', password });
    const connector = createPeerTubeConnector({ baseUrl: setup.fake.url, token, fetch: globalThis.fetch, sleep: async () => {} });
    const e = (await caught(() => connector.listReports({ resolved: false }))) as AppError;
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe('forbidden');
    expect(e.details?.remoteError).toBe('Invalid grant: user credentials are invalid');
    const result = await connector.verify();
    expect(result.ok).toBe(false);
    expect(JSON.stringify({ m: e.message, u: e.userMessage, d: e.details, s: e.stack, result })).not.toContain(password);
  });

  it('redacts the password and tokens that a hostile server echoes back', async () => {
    const password = 'echo-SECRET-password';
    let issued = '';
    const connector = createPeerTubeConnector({
      baseUrl: 'http://127.0.0.1:9',
      token: JSON.stringify({ username: 'root', password }),
      sleep: async () => {},
      fetch: async (url, init) => {
        if (url.endsWith('/oauth-clients/local')) return Response.json({ client_id: 'cid', client_secret: 'client-SECRET-xyz' });
        if (url.endsWith('/users/token')) {
          issued = 'access-SECRET-abc';
          return Response.json({ access_token: issued, refresh_token: 'refresh-SECRET-def' });
        }
        const auth = new Headers(init?.headers).get('authorization');
        const detail = `no ${auth} for ${password} (client-SECRET-xyz, refresh-SECRET-def)`;
        return new Response(JSON.stringify({ title: 'Bad', detail, status: 422 }), { status: 422, headers: { 'content-type': 'application/problem+json' } });
      },
    });
    const e = (await caught(() => connector.perform({ kind: 'report.reopen', reportId: '7' }))) as AppError;
    expect(e.code).toBe('remote_error');
    expect(e.details?.remoteError).toBe('no Bearer [redacted] for [redacted] ([redacted], [redacted])');
    const all = JSON.stringify({ m: e.message, u: e.userMessage, d: e.details, s: e.stack });
    for (const secret of [password, issued, 'client-SECRET-xyz', 'refresh-SECRET-def']) expect(all).not.toContain(secret);
  });

  it('turns an unreachable instance into remote_unreachable without the password', async () => {
    const password = 'net-SECRET-999';
    const connector = createPeerTubeConnector({
      baseUrl: 'http://127.0.0.1:9',
      token: JSON.stringify({ username: 'root', password }),
      fetch: async () => {
        throw new TypeError(`connect ECONNREFUSED (${password})`);
      },
      sleep: async () => {},
    });
    const e = (await caught(() => connector.listReports({ resolved: false }))) as AppError;
    expect(e.code).toBe('remote_unreachable');
    expect(JSON.stringify({ m: e.message, u: e.userMessage, d: e.details })).not.toContain(password);
  });
});
