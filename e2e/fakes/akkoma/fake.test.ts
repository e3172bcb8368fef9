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

  it('serves remote media through the proxy, which only a ban of the ORIGIN URL stops', async () => {
    fake = await startFakeAkkoma({ reports: 0 });
    const report = fake.addReport({ account: 'bob@remote.example', statusCount: 4 });
    const media = (report.statuses as Array<{ media_attachments: Array<{ url: string; remote_url: string }> }>).flatMap((s) => s.media_attachments);
    expect(media.length).toBeGreaterThan(0);
    const { url, remote_url: origin } = media[0];
    expect(url.startsWith(`${fake.url}/proxy/`)).toBe(true);
    const res = await fetch(url);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(100);
    // MediaProxyController checks the decoded origin URL: banning the proxied URL itself changes nothing.
    expect((await call(fake, 'POST', `${P}/media_proxy_caches/purge`, { urls: [url], ban: true })).status).toBe(200);
    expect((await fetch(url)).status).toBe(200);
    expect((await call(fake, 'POST', `${P}/media_proxy_caches/purge`, { urls: [origin], ban: true })).status).toBe(200);
    expect((await fetch(url)).status).toBe(404);
    expect((await fetch(url.replace('/proxy/', '/proxy/x'))).status).toBe(403); // a forged signature
  });
});

describe('fake akkoma: account deletion, report notes, post visibility', () => {
  it('DELETE /users removes the accounts and their posts, echoes the nicknames and keeps reports readable', async () => {
    fake = await startFakeAkkoma({ reports: 0 });
    const report = fake.addReport({ account: 'bob@remote.example', actor: 'alice', statusCount: 3 });
    const statusIds = (report.statuses as Array<{ id: string }>).map((s) => s.id);
    const mediaIds = statusIds.flatMap((id) => fake!.state.statuses.get(id)!.mediaIds);
    const res = await call(fake, 'DELETE', `${P}/users`, { nicknames: ['bob@remote.example', 'carol'] });
    expect(res).toEqual({ status: 200, json: ['bob@remote.example', 'carol'] });
    expect(fake.state.accounts.has('bob@remote.example')).toBe(false);
    expect(fake.state.accounts.has('carol')).toBe(false);
    expect(statusIds.some((id) => fake!.state.statuses.has(id))).toBe(false);
    expect(mediaIds.some((id) => fake!.state.media.has(id))).toBe(false);
    const after = await call(fake, 'GET', `${P}/reports/${String(report.id)}`);
    expect(after.json).toMatchObject({ account: { nickname: 'bob@remote.example', is_active: false }, statuses: [] });
    expect((await (await fetch(`${fake.url}/__fake/state`)).json()).deleted).toEqual(['bob@remote.example', 'carol']);
    expect(fake.state.records).toEqual([
      expect.objectContaining({ method: 'DELETE', path: `${P}/users`, body: { nicknames: ['bob@remote.example', 'carol'] }, status: 200 }),
    ]);
  });

  it('DELETE /users crashes with a 500 at an unknown nickname, after deleting the ones before it', async () => {
    fake = await startFakeAkkoma({ reports: 0 });
    const res = await call(fake, 'DELETE', `${P}/users`, { nicknames: ['dave', 'nobody', 'erin'] });
    expect(res).toEqual({ status: 500, json: { errors: { detail: 'Internal server error' } } });
    expect(fake.state.accounts.has('dave')).toBe(false);
    expect(fake.state.accounts.has('erin')).toBe(true);
    // The deprecated single-nickname form still works, and deleting a deleted account again is no error.
    expect((await call(fake, 'DELETE', `${P}/users?nickname=dave`)).status).toBe(200);
    expect(fake.state.records.map((r) => r.status)).toEqual([500, 200]);
  });

  it('report notes: POST stores them per report, the report serializes them as Akkoma does', async () => {
    fake = await startFakeAkkoma({ reports: 0 });
    const a = String(fake.addReport({ state: 'open' }).id);
    const b = String(fake.addReport({ state: 'open' }).id);
    expect(await call(fake, 'POST', `${P}/reports/${a}/notes`, { content: 'first' })).toEqual({ status: 204, json: null });
    expect((await call(fake, 'POST', `${P}/reports/${a}/notes`, { content: 'second' })).status).toBe(204);
    const shown = (await call(fake, 'GET', `${P}/reports/${a}`)).json;
    expect(shown.notes).toEqual([
      { id: 1, content: 'first', user: expect.objectContaining({ nickname: 'admin', is_active: true }), created_at: expect.any(String) },
      { id: 2, content: 'second', user: expect.objectContaining({ nickname: 'admin' }), created_at: expect.any(String) },
    ]);
    expect((await call(fake, 'GET', `${P}/reports/${b}`)).json.notes).toEqual([]);
    const listed = (await call(fake, 'GET', `${P}/reports?state=open`)).json.reports.find((r: { id: string }) => r.id === a);
    expect(listed.notes).toHaveLength(2);
  });

  it('report notes: blank, missing and unknown-report errors as Akkoma gives them', async () => {
    fake = await startFakeAkkoma({ reports: 0 });
    const id = String(fake.addReport({ state: 'open' }).id);
    expect(await call(fake, 'POST', `${P}/reports/${id}/notes`, { content: '  ' })).toEqual({ status: 400, json: '' });
    expect((await call(fake, 'POST', `${P}/reports/${id}/notes`, { text: 'wrong field' })).status).toBe(400);
    expect(await call(fake, 'POST', `${P}/reports/RP404/notes`, { content: 'x' })).toEqual({
      status: 500, json: { errors: { detail: 'Internal server error' } },
    });
    expect(fake.state.reports.get(id)?.notes).toEqual([]);
    expect(fake.state.records.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      `POST ${P}/reports/${id}/notes 400`, `POST ${P}/reports/${id}/notes 400`, `POST ${P}/reports/RP404/notes 500`,
    ]);
  });

  it('PUT /statuses/:id sets the visibility and validates it like Akkoma', async () => {
    fake = await startFakeAkkoma({ reports: 0 });
    const [status] = fake.addReport({ statusCount: 1 }).statuses as Array<{ id: string }>;
    const path = `${P}/statuses/${status.id}`;
    const ok = await call(fake, 'PUT', path, { visibility: 'private' });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ id: status.id, visibility: 'private' });
    expect(fake.state.statuses.get(status.id)?.visibility).toBe('private');
    const bogus = await call(fake, 'PUT', path, { visibility: 'bogus' });
    expect(bogus.status).toBe(400);
    expect(bogus.json.error).toBe('bogus - Invalid value for enum.');
    expect(await call(fake, 'PUT', path, { visibility: 'local' })).toEqual({ status: 400, json: { error: 'Unsupported visibility' } });
    expect(fake.state.statuses.get(status.id)?.visibility).toBe('private');
    expect(await call(fake, 'PUT', `${P}/statuses/ST404`, { visibility: 'public' })).toEqual({ status: 404, json: 'Not found' });
    expect(fake.state.records.map((r) => r.status)).toEqual([200, 400, 400, 404]);
  });

  it.each([
    ['DELETE', '/users', { nicknames: ['alice'] }, 'admin:write:accounts'],
    ['POST', '/reports/RPX/notes', { content: 'x' }, 'admin:write:reports'],
    ['PUT', '/statuses/STX', { visibility: 'private' }, 'admin:write:statuses'],
  ])('%s %s needs %s', async (method, path, body, scope) => {
    fake = await startFakeAkkoma({ reports: 0, scopes: ['read', 'admin:read'] });
    expect(await call(fake, method, P + path, body)).toEqual({ status: 403, json: { error: `Insufficient permissions: ${scope}.` } });
    expect(fake.state.accounts.has('alice')).toBe(true);
    expect(fake.state.records).toEqual([expect.objectContaining({ method, path: P + path, status: 403 })]);
  });
});
