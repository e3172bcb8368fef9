import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PERMISSIONS, startFakeMisskey, type FakeMisskey } from './server';

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

  it('stores, replaces and serializes the moderation note through admin/update-abuse-user-report', async () => {
    fake = await startFakeMisskey({ reports: 0 });
    const report = fake.addReport({ noteCount: 0, resolved: false });
    expect(report.moderationNote).toBe('');
    const res = await api('admin/update-abuse-user-report', { i: fake.token, reportId: report.id, moderationNote: 'first\nsecond' });
    expect([res.status, res.json]).toEqual([204, null]);
    const list = await api('admin/abuse-user-reports', { i: fake.token });
    expect(list.json.find((r: { id: string }) => r.id === report.id).moderationNote).toBe('first\nsecond');
    expect((await api('admin/update-abuse-user-report', { i: fake.token, reportId: report.id })).status).toBe(204); // absent: kept
    expect(fake.report(report.id)?.moderationNote).toBe('first\nsecond');
    expect((await api('admin/update-abuse-user-report', { i: fake.token, reportId: report.id, moderationNote: 5 })).json.error.code).toBe('INVALID_PARAM');
    const missing = await api('admin/update-abuse-user-report', { i: fake.token, reportId: 'zzzzzzzzzz', moderationNote: 'x' });
    expect([missing.status, missing.json.error]).toEqual([404, expect.objectContaining({ code: 'NO_SUCH_ABUSE_REPORT', id: '15f51cf5-46d1-4b1d-a618-b35bcbed0662', kind: 'server' })]);
    const long = await api('admin/update-abuse-user-report', { i: fake.token, reportId: report.id, moderationNote: 'x'.repeat(8193) });
    expect([long.status, long.json.error.code]).toEqual([500, 'INTERNAL_ERROR']);
    expect(fake.state.records.map((r) => [r.endpoint, r.status])).toEqual([
      ['admin/update-abuse-user-report', 204], ['admin/update-abuse-user-report', 204], ['admin/update-abuse-user-report', 400],
      ['admin/update-abuse-user-report', 404], ['admin/update-abuse-user-report', 500],
    ]);
  });

  it('resolves as accept, reject or null, and answers an unknown report with NO_SUCH_ABUSE_REPORT', async () => {
    fake = await startFakeMisskey({ reports: 0 });
    const report = fake.addReport({ noteCount: 0, resolved: false });
    expect((await api('admin/resolve-abuse-user-report', { i: fake.token, reportId: report.id, resolvedAs: 'maybe' })).json.error.code).toBe('INVALID_PARAM');
    expect((await api('admin/resolve-abuse-user-report', { i: fake.token, reportId: report.id, resolvedAs: 'reject' })).status).toBe(204);
    expect(fake.report(report.id)).toMatchObject({ resolved: true, resolvedAs: 'reject' });
    const missing = await api('admin/resolve-abuse-user-report', { i: fake.token, reportId: 'zzzzzzzzzz' });
    expect([missing.status, missing.json.error.code, missing.json.error.id]).toEqual([404, 'NO_SUCH_ABUSE_REPORT', 'ac3794dd-2ce4-d878-e546-73c60c06b398']);
  });

  it('gives the default token every kind the connector uses', async () => {
    fake = await startFakeMisskey({ reports: 0 });
    expect(fake.state.auth.permissions).toEqual(DEFAULT_PERMISSIONS);
    expect(DEFAULT_PERMISSIONS).toEqual(expect.arrayContaining(['write:admin:delete-account', 'write:drive', 'write:admin:resolve-abuse-user-report']));
  });

  it('deletes an account (administrators only) with its notes, files and reports', async () => {
    fake = await startFakeMisskey({ reports: 0 });
    const [target, other] = fake.state.localIds;
    const report = fake.addReport({ targetUserId: target, noteCount: 1, filesPerNote: 2, resolved: false });
    const byTarget = fake.addReport({ reporterId: target, targetUserId: other, noteCount: 0, resolved: false });
    await fetch(`${fake.url}/__fake/auth`, { method: 'POST', body: JSON.stringify({ admin: false }) });
    const notAdmin = await api('admin/delete-account', { i: fake.token, userId: target });
    expect([notAdmin.status, notAdmin.json.error.code, notAdmin.json.error.id]).toEqual([403, 'ROLE_PERMISSION_DENIED', 'c3d38592-54c0-429d-be96-5636b0431a61']);
    expect((await api('i', { i: fake.token })).json).toMatchObject({ isModerator: true, isAdmin: false });
    await fetch(`${fake.url}/__fake/auth`, { method: 'POST', body: JSON.stringify({ admin: true }) });
    const res = await api('admin/delete-account', { i: fake.token, userId: target });
    expect([res.status, res.json]).toEqual([204, null]);
    expect(fake.state.users.has(target)).toBe(false);
    expect(fake.state.localIds).not.toContain(target);
    expect([...fake.state.notes.values(), ...fake.state.files.values()].filter((x) => x.userId === target)).toEqual([]);
    expect([fake.report(report.id), fake.report(byTarget.id)]).toEqual([undefined, undefined]); // ON DELETE CASCADE
    const state = await (await fetch(`${fake.url}/__fake/state`)).json();
    expect(state.deletedUsers).toEqual([target]);
    const again = await api('admin/delete-account', { i: fake.token, userId: target });
    expect([again.status, again.json.error.code]).toEqual([500, 'INTERNAL_ERROR']);
    expect((await api('admin/delete-account', { i: fake.token, userId: fake.state.adminId })).json.error.info.e.message).toBe('cannot delete a root account');
    expect(fake.state.records.map((r) => [r.endpoint, r.body, r.status])).toEqual([
      ['admin/delete-account', { userId: target }, 403],
      ['admin/delete-account', { userId: target }, 204],
      ['admin/delete-account', { userId: target }, 500],
      ['admin/delete-account', { userId: fake.state.adminId }, 500],
    ]);
  });

  it('checks the role before the permission kind, as ApiCallService does', async () => {
    fake = await startFakeMisskey({ reports: 0, permissions: ['read:account'], moderator: false });
    expect((await api('admin/delete-account', { i: fake.token, userId: fake.state.localIds[0] })).json.error.code).toBe('ROLE_PERMISSION_DENIED');
    await fetch(`${fake.url}/__fake/auth`, { method: 'POST', body: JSON.stringify({ moderator: true }) });
    const denied = await api('admin/delete-account', { i: fake.token, userId: fake.state.localIds[0] });
    expect([denied.status, denied.json.error.code]).toEqual([403, 'PERMISSION_DENIED']);
  });

  it('deletes a drive file for a moderator, with Misskey\'s NO_SUCH_FILE and ACCESS_DENIED errors', async () => {
    fake = await startFakeMisskey({ reports: 0 });
    const report = fake.addReport({ noteCount: 1, filesPerNote: 2, resolved: false });
    const noteId = /\/notes\/(\w+)/.exec(String(report.comment))![1];
    const [fileId, keptId] = fake.state.notes.get(noteId)!.fileIds;
    const res = await api('drive/files/delete', { i: fake.token, fileId });
    expect([res.status, res.json]).toEqual([204, null]);
    expect(fake.state.files.has(fileId)).toBe(false);
    expect((await fetch(`${fake.url}/files/${fileId}`)).status).toBe(404);
    expect((await api('notes/show', { noteId })).json.files.map((f: { id: string }) => f.id)).toEqual([keptId]);
    const missing = await api('drive/files/delete', { i: fake.token, fileId });
    expect([missing.status, missing.json.error]).toEqual([400, expect.objectContaining({ code: 'NO_SUCH_FILE', id: '908939ec-e52b-4458-b395-1025195cea58', message: 'No such file.' })]);
    await fetch(`${fake.url}/__fake/auth`, { method: 'POST', body: JSON.stringify({ moderator: false }) });
    const denied = await api('drive/files/delete', { i: fake.token, fileId: keptId });
    expect([denied.status, denied.json.error.code, denied.json.error.id]).toEqual([400, 'ACCESS_DENIED', '5eb8d909-2540-4970-90b8-dd6f86088121']);
    await fetch(`${fake.url}/__fake/auth`, { method: 'POST', body: JSON.stringify({ moderator: true, permissions: ['read:account'] }) });
    expect((await api('drive/files/delete', { i: fake.token, fileId: keptId })).json.error.code).toBe('PERMISSION_DENIED');
    expect(fake.state.files.has(keptId)).toBe(true);
    expect(fake.state.deletedFileIds).toEqual([fileId]);
    expect(fake.state.records.map((r) => [r.endpoint, r.status])).toEqual([
      ['drive/files/delete', 204], ['drive/files/delete', 400], ['drive/files/delete', 400], ['drive/files/delete', 403],
    ]);
  });
});

describe('fake Misskey report webhooks (as 2024.10+ sends them)', () => {
  it('delivers only through a notification recipient, with the reduced body real Misskey sends', async () => {
    const { createServer } = await import('node:http');
    const got: Array<{ headers: Record<string, unknown>; body: Record<string, unknown> }> = [];
    const hookServer = createServer((req, res) => {
      let data = '';
      req.on('data', (c) => (data += c));
      req.on('end', () => {
        got.push({ headers: req.headers, body: JSON.parse(data) });
        res.end('ok');
      });
    });
    await new Promise<void>((r) => hookServer.listen(0, '127.0.0.1', r));
    const port = (hookServer.address() as { port: number }).port;
    const fake = await startFakeMisskey({ reports: 2 });
    try {
      // Step one alone (no recipient): Misskey 2024.10 sends nothing.
      fake.addSystemWebhook({ url: `http://127.0.0.1:${port}/lonely`, secret: 'x', recipient: false });
      fake.addReport({ noteCount: 1 });
      await fake.flushWebhooks();
      expect(got).toHaveLength(0);

      fake.addSystemWebhook({ url: `http://127.0.0.1:${port}/hook`, secret: 'hook-secret' });
      const created = fake.addReport({ noteCount: 1, resolved: false });
      await fake.flushWebhooks();
      expect(got).toHaveLength(1);
      expect(got[0].headers['x-misskey-hook-secret']).toBe('hook-secret');
      const envelope = got[0].body;
      expect(envelope).toMatchObject({ type: 'abuseReport', server: fake.url, createdAt: expect.any(Number) });
      const body = envelope.body as Record<string, unknown>;
      expect(body).toMatchObject({ id: created.id, resolved: false, targetUserId: expect.any(String) });
      expect(body).not.toHaveProperty('createdAt');
      expect(body).not.toHaveProperty('notes');
      const target = body.targetUser as Record<string, unknown>;
      for (const missing of ['isSuspended', 'isSilenced', 'createdAt', 'url', 'uri']) expect(target).not.toHaveProperty(missing);

      const res = await fetch(`${fake.url}/api/admin/resolve-abuse-user-report`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ i: fake.token, reportId: created.id, resolvedAs: 'accept' }),
      });
      expect(res.status).toBe(204);
      await fake.flushWebhooks();
      expect(got.map((g) => g.body.type)).toEqual(['abuseReport', 'abuseReportResolved']);
      expect(got[1].body.body).toMatchObject({ id: created.id, resolved: true, resolvedAs: 'accept' });
    } finally {
      await fake.close();
      await new Promise((r) => hookServer.close(r));
    }
  });

  it('answers the webhook lists only to the web client token (secure endpoints)', async () => {
    const fake = await startFakeMisskey({ reports: 0 });
    try {
      const call = (endpoint: string) => fetch(`${fake.url}/api/${endpoint}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ i: fake.token }) });
      const denied = await call('admin/system-webhook/list');
      expect(denied.status).toBe(400);
      expect((await denied.json()).error.code).toBe('ACCESS_DENIED');
      fake.state.auth.nativeToken = true;
      expect((await call('admin/abuse-report/notification-recipient/list')).status).toBe(200);
    } finally {
      await fake.close();
    }
  });
});
