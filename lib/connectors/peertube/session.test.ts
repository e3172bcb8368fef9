import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { startFakePeerTube, type FakePeerTube } from '../../../e2e/fakes/peertube/server';
import type { FetchLike } from '../types';
import { PeerTubeClient } from './client';
import { createPeerTubeConnector } from './connector';
import { caught } from './test-support';

let fake: FakePeerTube | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

const start = async (opts: Parameters<typeof startFakePeerTube>[0] = {}) => (fake = await startFakePeerTube({ port: 0, host: '127.0.0.1', reports: 4, ...opts }));
const tokenCalls = (f: FakePeerTube) => f.state.records.filter((r) => r.path === '/api/v1/users/token').map((r) => `${String(r.body.grant_type)} ${r.status}`);

/** A fetch that records every status it sees, to prove which requests were refused. */
function recording(): { fetch: FetchLike; statuses: Array<[string, number]> } {
  const statuses: Array<[string, number]> = [];
  return {
    statuses,
    fetch: async (url, init) => {
      const res = await globalThis.fetch(url, init);
      statuses.push([new URL(url).pathname, res.status]);
      return res;
    },
  };
}

describe('peertube session: one sign-in, then tokens', () => {
  it('signs in once for many concurrent first calls (single-flight)', async () => {
    const f = await start();
    const connector = createPeerTubeConnector({ baseUrl: f.url, token: f.token, fetch: globalThis.fetch, sleep: async () => {} });
    await Promise.all(Array.from({ length: 10 }, () => connector.listReports({ resolved: false })));
    expect(tokenCalls(f)).toEqual(['password 200']);
  });

  it('refreshes shortly before the access token expires, without a refused request first', async () => {
    const f = await start({ oauth: { accessLifetimeMs: 60 * 60_000 } });
    const rec = recording();
    const client = new PeerTubeClient({ baseUrl: f.url, token: f.token, fetch: rec.fetch, sleep: async () => {}, now: () => f.state.auth.now() });
    await client.request('GET', '/api/v1/abuses');
    f.state.auth.advance(58 * 60_000); // inside the 5-minute margin before expiry
    await client.request('GET', '/api/v1/abuses');
    expect(tokenCalls(f)).toEqual(['password 200', 'refresh_token 200']);
    expect(rec.statuses.filter(([, s]) => s === 401)).toEqual([]);
    expect(f.state.auth.liveTokens()).toBe(1); // the refresh replaced the old token; nothing piles up
  });

  it('refreshes after a 401 from an expired token and signs in again only when the refresh is refused too', async () => {
    const f = await start({ oauth: { accessLifetimeMs: 60 * 60_000, refreshLifetimeMs: 3 * 60 * 60_000 } });
    const connector = createPeerTubeConnector({ baseUrl: f.url, token: f.token, fetch: globalThis.fetch, sleep: async () => {} });
    await connector.listReports({ resolved: false });
    f.state.auth.advance(2 * 60 * 60_000); // the connector's own clock did not move: it learns from the 401
    await connector.listReports({ resolved: false });
    f.state.auth.advance(4 * 60 * 60_000); // now the refresh token has expired as well
    await connector.listReports({ resolved: false });
    expect(tokenCalls(f)).toEqual(['password 200', 'refresh_token 200', 'refresh_token 400', 'password 200']);
  });

  it('close() revokes the token on the server', async () => {
    const f = await start();
    const connector = createPeerTubeConnector({ baseUrl: f.url, token: f.token, fetch: globalThis.fetch, sleep: async () => {} });
    await connector.listReports({ resolved: false });
    expect(f.state.auth.liveTokens()).toBe(1);
    await connector.close?.();
    expect(f.state.auth.liveTokens()).toBe(0);
    expect(f.state.auth.grants.revoked).toBe(1);
  });
});

describe('peertube session: failures cost one login', () => {
  it('a wrong password costs exactly one login attempt, whatever runs next', async () => {
    const f = await start();
    const token = JSON.stringify({ username: 'root', password: 'wrong-SECRET' });
    const connector = createPeerTubeConnector({ baseUrl: f.url, token, fetch: globalThis.fetch, sleep: async () => {} });
    const result = await connector.verify(); // three API calls, each needing a token
    expect(result.ok).toBe(false);
    const e = (await caught(() => connector.listReports({ resolved: false }))) as AppError;
    expect(e.code).toBe('forbidden');
    await caught(() => connector.perform({ kind: 'report.resolve', reportId: '1' }));
    expect(tokenCalls(f)).toEqual(['password 400']);
    expect(JSON.stringify({ m: e.message, u: e.userMessage, d: e.details, result })).not.toContain('wrong-SECRET');
  });

  it('a rate-limited login is not hammered: later calls fail fast until the retry time', async () => {
    const f = await start({ oauth: { loginLimit: { limit: 1, windowMs: 5 * 60_000 } } });
    const other = createPeerTubeConnector({ baseUrl: f.url, token: f.token, fetch: globalThis.fetch, sleep: async () => {} });
    await other.listReports({ resolved: false }); // uses the only login of the window
    const connector = createPeerTubeConnector({ baseUrl: f.url, token: f.token, fetch: globalThis.fetch, sleep: async () => {} });
    for (let i = 0; i < 5; i++) {
      const e = (await caught(() => connector.listReports({ resolved: false }))) as AppError;
      expect(e.code).toBe('rate_limited');
      expect(e.details?.retryAt).toEqual(expect.any(String));
    }
    expect(tokenCalls(f)).toEqual(['password 200', 'password 429']);
  });
});
