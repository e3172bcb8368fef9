import { afterEach, describe, expect, it } from 'vitest';
import { startFakeMisskey, type FakeMisskey } from './server';

let fake: FakeMisskey | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function api(endpoint: string, body: Record<string, unknown>, init: RequestInit = {}) {
  const res = await fetch(`${fake!.url}/api/${endpoint}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), ...init });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : null };
}

describe('fake Misskey', () => {
  it('seeds deterministically for a seed', async () => {
    const a = await startFakeMisskey({ seed: 42, reports: 10 });
    const b = await startFakeMisskey({ seed: 42, reports: 10 });
    const shape = (f: FakeMisskey) => f.state.reportsNewestFirst().map((r) => [r.id, r.targetUserId, r.resolved, r.comment.replaceAll(f.url, '')]);
    try {
      expect(shape(a)).toEqual(shape(b));
      expect([...a.state.files.values()].map((f) => f.imageSeed)).toEqual([...b.state.files.values()].map((f) => f.imageSeed));
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('answers POST only, with Misskey\'s nested error shape and credential checks', async () => {
    fake = await startFakeMisskey({ reports: 3 });
    const get = await fetch(`${fake.url}/api/admin/abuse-user-reports`);
    expect(get.status).toBe(404);
    expect((await get.json()).error.code).toBe('NO_SUCH_ENDPOINT');
    const none = await api('admin/abuse-user-reports', {});
    expect(none.status).toBe(401);
    expect(none.json.error).toMatchObject({ code: 'CREDENTIAL_REQUIRED', kind: 'permission', id: expect.any(String), message: expect.any(String) });
    expect((await api('admin/abuse-user-reports', { i: 'nope' })).json.error.code).toBe('AUTHENTICATION_FAILED');
    const ok = await api('admin/abuse-user-reports', { i: fake.token, limit: 2 });
    expect(ok.status).toBe(200);
    expect(ok.json).toHaveLength(2);
    expect((await api('admin/abuse-user-reports', { i: fake.token, limit: 101 })).json.error.code).toBe('INVALID_PARAM');
    expect((await api('meta', {})).json.version).toBe('2026.5.1');
  });

  it('checks the permission kind per endpoint and the moderator role', async () => {
    fake = await startFakeMisskey({ reports: 1, permissions: ['read:admin:abuse-user-reports'] });
    const denied = await api('admin/suspend-user', { i: fake.token, userId: fake.state.remoteIds[0] });
    expect([denied.status, denied.json.error.code]).toEqual([403, 'PERMISSION_DENIED']);
    await fetch(`${fake.url}/__fake/auth`, { method: 'POST', body: JSON.stringify({ moderator: false }) });
    const role = await api('admin/abuse-user-reports', { i: fake.token });
    expect(role.json.error.code).toBe('ROLE_PERMISSION_DENIED');
  });

  it('answers void endpoints with 204 and records writes without the token', async () => {
    fake = await startFakeMisskey({ reports: 0 });
    const userId = fake.state.remoteIds[0];
    const res = await api('admin/suspend-user', { i: fake.token, userId });
    expect(res.status).toBe(204);
    expect(res.json).toBeNull();
    const records = await (await fetch(`${fake.url}/__fake/records`)).json();
    expect(records).toEqual([expect.objectContaining({ endpoint: 'admin/suspend-user', body: { userId }, status: 204 })]);
    const state = await (await fetch(`${fake.url}/__fake/state`)).json();
    expect(state.suspended).toEqual([userId]);
  });

  it('rate limits with 429 RATE_LIMIT_EXCEEDED and Retry-After, then recovers', async () => {
    fake = await startFakeMisskey({ reports: 1 });
    await fetch(`${fake.url}/__fake/rate-limit`, { method: 'POST', body: JSON.stringify({ remaining: 0, times: 1 }) });
    const limited = await api('admin/abuse-user-reports', { i: fake.token });
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe('RATE_LIMIT_EXCEEDED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await api('admin/abuse-user-reports', { i: fake.token })).status).toBe(200);
  });

  it('serves synthetic drive files and malformed reports on request', async () => {
    fake = await startFakeMisskey({ reports: 0 });
    const report = fake.addReport({ noteCount: 1, filesPerNote: 1, resolved: false });
    const noteId = /\/notes\/(\w+)/.exec(String(report.comment))![1];
    const note = await api('notes/show', { noteId });
    const res = await fetch(note.json.files[0].url);
    expect(res.headers.get('content-type')).toMatch(/^image\//);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(100);
    await fetch(`${fake.url}/__fake/malformed`, { method: 'POST', body: JSON.stringify({ reportId: report.id, kind: 'id_object' }) });
    const list = await api('admin/abuse-user-reports', { i: fake.token });
    expect(list.json[0].id).toEqual({ oops: report.id });
  });
});
