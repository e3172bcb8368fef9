import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { startFakeLemmy, type FakeLemmy } from '../../../e2e/fakes/lemmy/server';
import type { FetchLike } from '../types';
import { LemmyClient } from './client';
import { createLemmyConnector } from './connector';
import { caught } from './test-support';

let fake: FakeLemmy | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

/** Counts login requests on their way to the server. */
function countingLogins(): { fetch: FetchLike; logins: () => number } {
  let n = 0;
  return {
    logins: () => n,
    fetch: (url, init) => {
      if (new URL(url).pathname.endsWith('/user/login')) n++;
      return globalThis.fetch(url, init);
    },
  };
}

describe('lemmy client: re-login is single-flight and never loops', () => {
  it('concurrent requests refused with a revoked JWT share one new login', async () => {
    fake = await startFakeLemmy({ port: 0, host: '127.0.0.1', reports: 3 });
    const c = countingLogins();
    const connector = createLemmyConnector({ baseUrl: fake.url, token: fake.token, fetch: c.fetch, sleep: async () => {} });
    await connector.listReports({ resolved: false });
    expect(c.logins()).toBe(1);
    fake.state.jwts.clear();
    await Promise.all(Array.from({ length: 6 }, () => connector.listReports({ resolved: false })));
    expect(c.logins()).toBe(2);
    expect(fake.state.jwts.size).toBe(1);
  });

  it('concurrent first requests share one login', async () => {
    fake = await startFakeLemmy({ port: 0, host: '127.0.0.1', reports: 3 });
    const c = countingLogins();
    const connector = createLemmyConnector({ baseUrl: fake.url, token: fake.token, fetch: c.fetch, sleep: async () => {} });
    await Promise.all(Array.from({ length: 6 }, () => connector.listReports({ resolved: false })));
    expect(c.logins()).toBe(1);
  });

  it('a server that refuses every fresh JWT gets one re-login per request, then the refusal', async () => {
    const calls: string[] = [];
    const fetch: FetchLike = async (url) => {
      const path = new URL(url).pathname;
      calls.push(path);
      if (path.endsWith('/user/login')) return Response.json({ jwt: `jwt-${calls.length}` });
      return Response.json({ error: 'not_logged_in' }, { status: 400 });
    };
    const client = new LemmyClient({ baseUrl: 'http://lemmy.test', token: JSON.stringify({ username_or_email: 'a', password: 'SECRET-pw' }), fetch, sleep: async () => {} });
    const e = (await caught(() => client.request('GET', '/api/v3/site'))) as AppError;
    expect(e.code).toBe('forbidden');
    expect(calls).toEqual(['/api/v3/user/login', '/api/v3/site', '/api/v3/user/login', '/api/v3/site']);
    expect(JSON.stringify({ m: e.message, d: e.details })).not.toContain('SECRET-pw');
  });
});
