import { afterEach, describe, expect, it } from 'vitest';
import { startFakeLemmy, type FakeLemmy } from './server';

let fake: FakeLemmy | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function call(f: FakeLemmy, method: string, path: string, body?: unknown, jwt?: string) {
  const res = await fetch(f.url + path, {
    method,
    headers: { ...(jwt ? { Authorization: `Bearer ${jwt}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

describe('fake lemmy', () => {
  it('is deterministic for a seed', async () => {
    const a = await startFakeLemmy({ reports: 12, seed: 9 });
    const b = await startFakeLemmy({ reports: 12, seed: 9 });
    try {
      const strip = (f: FakeLemmy) => JSON.stringify([...f.state.reports.values()]);
      expect(strip(a)).toBe(strip(b));
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('serves NodeInfo as lemmy', async () => {
    fake = await startFakeLemmy({ reports: 0 });
    const info = await (await fetch(`${fake.url}/nodeinfo/2.1`)).json();
    expect(info.software).toEqual({ name: 'lemmy', version: '0.19.9' });
  });

  it('issues a JWT on login, refuses bad logins with 401 incorrect_login', async () => {
    fake = await startFakeLemmy({ reports: 2 });
    const creds = JSON.parse(fake.token);
    expect(await call(fake, 'POST', '/api/v3/user/login', { ...creds, password: 'x' })).toEqual({ status: 401, json: { error: 'incorrect_login' } });
    const { json } = await call(fake, 'POST', '/api/v3/user/login', creds);
    expect((await call(fake, 'GET', '/api/v3/post/report/list?limit=1', undefined, json.jwt)).status).toBe(200);
    expect((await call(fake, 'GET', '/api/v3/post/report/list', undefined, 'bogus')).status).toBe(401);
  });

  it('rate limits with 400 rate_limit_error, records writes and gates admin routes', async () => {
    fake = await startFakeLemmy({ reports: 0 });
    const jwt = fake.issueJwt();
    await fetch(`${fake.url}/__fake/rate-limit`, { method: 'POST', body: JSON.stringify({ remaining: 0, times: 1 }) });
    expect(await call(fake, 'GET', '/api/v3/site')).toEqual({ status: 400, json: { error: 'rate_limit_error' } });
    await fetch(`${fake.url}/__fake/auth`, { method: 'POST', body: JSON.stringify({ admin: false }) });
    expect(await call(fake, 'POST', '/api/v3/user/ban', { person_id: 2, ban: true }, jwt)).toEqual({ status: 400, json: { error: 'not_an_admin' } });
    const records = await (await fetch(`${fake.url}/__fake/records`)).json();
    expect(records).toEqual([expect.objectContaining({ method: 'POST', path: '/api/v3/user/ban', status: 400 })]);
    expect((await (await fetch(`${fake.url}/__fake/state`)).json()).records).toBe(1);
  });
});
