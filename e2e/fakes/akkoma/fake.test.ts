import { afterEach, describe, expect, it } from 'vitest';
import { startFakeAkkoma, type FakeAkkoma } from './server';

let fake: FakeAkkoma | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

const P = '/api/v1/pleroma/admin';

async function call(f: FakeAkkoma, method: string, path: string, body?: unknown, token = f.token) {
  const res = await fetch(f.url + path, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

describe('fake akkoma', () => {
  it('is deterministic for a seed', async () => {
    const a = await startFakeAkkoma({ reports: 12, seed: 9 });
    const b = await startFakeAkkoma({ reports: 12, seed: 9 });
    try {
      const strip = (f: FakeAkkoma) => JSON.stringify([...f.state.reports.values(), ...f.state.media.values()]);
      expect(strip(a)).toBe(strip(b));
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('paginates with page/page_size and reports the filtered total', async () => {
    fake = await startFakeAkkoma({ reports: 0 });
    for (let i = 0; i < 7; i++) fake.addReport({ state: 'open' });
    fake.addReport({ state: 'resolved' });
    const p1 = await call(fake, 'GET', `${P}/reports?state=open&page=1&page_size=5`);
    const p2 = await call(fake, 'GET', `${P}/reports?state=open&page=2&page_size=5`);
    expect(p1.json.total).toBe(7);
    expect(p1.json.reports).toHaveLength(5);
    expect(p2.json.reports).toHaveLength(2);
    const ids = [...p1.json.reports, ...p2.json.reports].map((r: { id: string }) => r.id);
    expect(ids).toEqual([...ids].sort().reverse()); // newest first
  });

  it('answers an unknown token, a missing scope and an unknown id in Akkoma\'s words', async () => {
    fake = await startFakeAkkoma({ scopes: ['read', 'admin:read'] });
    expect(await call(fake, 'GET', `${P}/reports`, undefined, 'nope')).toEqual({ status: 403, json: { error: 'Invalid credentials.' } });
    expect(await call(fake, 'PATCH', `${P}/reports`, { reports: [{ id: 'x', state: 'open' }] })).toEqual({
      status: 403, json: { error: 'Insufficient permissions: admin:write:reports.' },
    });
    expect(await call(fake, 'GET', `${P}/reports/RP404`)).toEqual({ status: 404, json: 'Not found' });
    expect(fake.state.records).toEqual([expect.objectContaining({ method: 'PATCH', status: 403 })]);
  });

  it('rate limits with 429 {"error":"Throttled"} and recovers after the forced count', async () => {
    fake = await startFakeAkkoma();
    await fetch(`${fake.url}/__fake/rate-limit`, { method: 'POST', body: JSON.stringify({ remaining: 0, times: 1 }) });
    expect(await call(fake, 'GET', `${P}/reports`)).toEqual({ status: 429, json: { error: 'Throttled' } });
    expect((await call(fake, 'GET', `${P}/reports`)).status).toBe(200);
  });

  it('drives malformed items and exposes state and records through /__fake/', async () => {
    fake = await startFakeAkkoma({ reports: 0 });
    const id = String(fake.addReport({ state: 'open' }).id);
    await fetch(`${fake.url}/__fake/malformed`, { method: 'POST', body: JSON.stringify({ reportId: id, kind: 'missing_account' }) });
    expect((await call(fake, 'GET', `${P}/reports/${id}`)).json.account).toBeUndefined();
    await call(fake, 'PUT', `${P}/users/tag`, { nicknames: ['alice'], tags: ['mrf_tag:force-unlisted'] });
    const state = await (await fetch(`${fake.url}/__fake/state`)).json();
    expect(state).toMatchObject({ malformed: { [id]: 'missing_account' }, tagged: { alice: ['mrf_tag:force-unlisted'] }, records: 1 });
    const records = await (await fetch(`${fake.url}/__fake/records`)).json();
    expect(records).toEqual([expect.objectContaining({ method: 'PUT', path: `${P}/users/tag`, status: 204 })]);
  });

  it('serves synthetic media and stops after a purge with ban', async () => {
    fake = await startFakeAkkoma({ reports: 0 });
    const report = fake.addReport({ statusCount: 4 });
    const urls = (report.statuses as Array<{ media_attachments: Array<{ url: string }> }>).flatMap((s) => s.media_attachments.map((m) => m.url));
    expect(urls.length).toBeGreaterThan(0);
    const res = await fetch(urls[0]);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(100);
    expect((await call(fake, 'POST', `${P}/media_proxy_caches/purge`, { urls: [urls[0]], ban: true })).status).toBe(200);
    expect((await fetch(urls[0])).status).toBe(404);
  });
});
