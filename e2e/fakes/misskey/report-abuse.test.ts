/** The fake's users/report-abuse and forward endpoints answer as Misskey does, over raw HTTP. */
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeMisskey, type FakeMisskey } from './server';

let fake: FakeMisskey | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function api(endpoint: string, body: Record<string, unknown>) {
  const res = await fetch(`${fake!.url}/api/${endpoint}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, code: text ? JSON.parse(text).error?.code : null, json: text ? JSON.parse(text) : null };
}

describe('fake Misskey users/report-abuse', () => {
  it('checks credentials and params, then files the report as the token\'s account (204)', async () => {
    fake = await startFakeMisskey({ reports: 0 });
    const i = fake.token;
    const userId = fake.state.remoteIds[0];
    expect(await api('users/report-abuse', { userId, comment: 'x' })).toMatchObject({ status: 401, code: 'CREDENTIAL_REQUIRED' });
    expect(await api('users/report-abuse', { i, comment: 'x' })).toMatchObject({ status: 400, code: 'INVALID_PARAM' });
    expect(await api('users/report-abuse', { i, userId })).toMatchObject({ status: 400, code: 'INVALID_PARAM' });
    expect(await api('users/report-abuse', { i, userId, comment: '' })).toMatchObject({ status: 400, code: 'INVALID_PARAM' });
    expect(await api('users/report-abuse', { i, userId, comment: 'x'.repeat(2049) })).toMatchObject({ status: 400, code: 'INVALID_PARAM' });
    expect(await api('users/report-abuse', { i, userId: 'nosuchuser', comment: 'x' })).toMatchObject({ status: 400, code: 'NO_SUCH_USER' });
    expect(await api('users/report-abuse', { i, userId: fake.state.adminId, comment: 'x' })).toMatchObject({ status: 400, code: 'CANNOT_REPORT_YOURSELF' });
    expect(await api('users/report-abuse', { i, userId, comment: 'x'.repeat(2048) })).toEqual({ status: 204, code: null, json: null });
    expect([...fake.state.reports.values()]).toEqual([expect.objectContaining({ reporterId: fake.state.adminId, targetUserId: userId, forwarded: false })]);
    expect(fake.state.records.map((r) => [r.endpoint, r.status])).toEqual([
      ['users/report-abuse', 401], ...Array(6).fill(['users/report-abuse', 400]), ['users/report-abuse', 204],
    ]);
  });

  it('filters reports by target origin and forwards a remote one once (a repeat or a local target is a 500)', async () => {
    fake = await startFakeMisskey({ reports: 0 });
    const i = fake.token;
    await api('users/report-abuse', { i, userId: fake.state.remoteIds[0], comment: 'remote' });
    await api('users/report-abuse', { i, userId: fake.state.localIds[0], comment: 'local' });
    const remote = (await api('admin/abuse-user-reports', { i, targetUserOrigin: 'remote' })).json;
    const local = (await api('admin/abuse-user-reports', { i, targetUserOrigin: 'local' })).json;
    expect([remote.map((r: { comment: string }) => r.comment), local.map((r: { comment: string }) => r.comment)]).toEqual([['remote'], ['local']]);
    expect(await api('admin/abuse-user-reports', { i, targetUserOrigin: 'elsewhere' })).toMatchObject({ status: 400, code: 'INVALID_PARAM' });
    expect((await api('admin/forward-abuse-user-report', { i, reportId: remote[0].id })).status).toBe(204);
    expect(await api('admin/forward-abuse-user-report', { i, reportId: remote[0].id })).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
    expect(await api('admin/forward-abuse-user-report', { i, reportId: local[0].id })).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
    expect(fake.report(remote[0].id)?.forwarded).toBe(true);
    expect(fake.report(local[0].id)?.forwarded).toBe(false);
  });
});
