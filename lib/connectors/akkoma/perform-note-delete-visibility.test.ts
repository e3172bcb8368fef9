import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import type { ConnectorAction } from '../types';
import { caught, withFakeAkkoma, type AkkomaSetup } from './test-support';

let setup: AkkomaSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

const ADMIN = '/api/v1/pleroma/admin';

async function start(scopes?: string[]) {
  setup = await withFakeAkkoma({ reports: 0, seed: 3, ...(scopes ? { scopes } : {}) });
  const report = setup.fake.addReport({ account: 'mallory@spam.example', actor: 'alice', state: 'open', statusCount: 2 });
  return { s: setup, reportId: String(report.id), statusIds: (report.statuses as Array<{ id: string }>).map((x) => x.id) };
}

const writes = (s: AkkomaSetup) => s.fake.state.records.map(({ method, path, body, status }) => ({ method, path, body, status }));

describe('akkoma perform(): report.note', () => {
  it('posts the note and hands back the report with it', async () => {
    const { s, reportId } = await start();
    const result = await s.connector.perform({ kind: 'report.note', reportId, text: '  Second opinion: spam.  ' });
    expect(writes(s)).toEqual([
      { method: 'POST', path: `${ADMIN}/reports/${reportId}/notes`, body: { content: 'Second opinion: spam.' }, status: 204 },
    ]);
    expect(result).toMatchObject({ ok: true, remoteRef: reportId });
    expect(result.report?.remoteId).toBe(reportId);
    expect(result.report?.notes).toEqual([
      { remoteId: '1', author: 'admin', text: 'Second opinion: spam.', createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/) },
    ]);
  });

  it('still succeeds when the report cannot be read back, so the note is not added twice on retry', async () => {
    const { s, reportId } = await start(['read', 'admin:write:reports']);
    const result = await s.connector.perform({ kind: 'report.note', reportId, text: 'noted' });
    expect(result).toEqual({ ok: true, remoteRef: reportId, report: null });
    expect(s.fake.state.reports.get(reportId)?.notes.map((n) => n.content)).toEqual(['noted']);
  });

  it('refuses an empty note before calling the server', async () => {
    const { s, reportId } = await start();
    const e = (await caught(() => s.connector.perform({ kind: 'report.note', reportId, text: '   ' }))) as AppError;
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe('bad_request');
    expect(e.userMessage).toMatch(/empty/);
    expect(s.fake.state.records).toEqual([]);
  });

  it("surfaces Akkoma's 500 for a report that is gone, with the remote text and an explanation", async () => {
    const { s } = await start();
    const e = (await caught(() => s.connector.perform({ kind: 'report.note', reportId: 'RP404', text: 'x' }))) as AppError;
    expect(e.code).toBe('remote_error');
    expect(e.details).toMatchObject({ status: 500, remoteError: 'Internal server error' });
    expect(e.userMessage).toMatch(/report no longer exists/);
    expect(s.fake.state.records.every((r) => r.path === `${ADMIN}/reports/RP404/notes` && r.status === 500)).toBe(true);
  });

  it('points at the old 255-character limit when a long note fails', async () => {
    const { s } = await start();
    const e = (await caught(() => s.connector.perform({ kind: 'report.note', reportId: 'RP404', text: 'x'.repeat(300) }))) as AppError;
    expect(e.userMessage).toMatch(/at most 255 characters/);
  });

  it('keeps posting the resolution comment as a note before resolving', async () => {
    const { s, reportId } = await start();
    await s.connector.perform({ kind: 'report.resolve', reportId, comment: 'done' });
    expect(writes(s).map((w) => `${w.method} ${w.path}`)).toEqual([`POST ${ADMIN}/reports/${reportId}/notes`, `PATCH ${ADMIN}/reports`]);
    const report = await s.connector.getReport(reportId);
    expect(report.notes?.map((n) => [n.author, n.text])).toEqual([['admin', 'done']]);
  });
});

describe('akkoma perform(): report.reject', () => {
  it('adds the reason as a note, then closes the report; it reads back as no longer open', async () => {
    const { s, reportId } = await start();
    await s.connector.perform({ kind: 'report.reject', reportId, comment: 'not a violation' });
    expect(writes(s).map((w) => `${w.method} ${w.path}`)).toEqual([`POST ${ADMIN}/reports/${reportId}/notes`, `PATCH ${ADMIN}/reports`]);
    expect(JSON.stringify(writes(s)[1].body)).toContain('"state":"closed"');
    const report = await s.connector.getReport(reportId);
    expect(report.resolved).toBe(true);
    expect(report.notes?.map((n) => n.text)).toEqual(['not a violation']);
  });
});

describe('akkoma perform(): account.delete', () => {
  it('deletes a remote account by nickname; its posts go and the report still reads', async () => {
    const { s, reportId, statusIds } = await start();
    const accountId = 'mallory@spam.example';
    expect(await s.connector.perform({ kind: 'account.delete', accountId, reason: 'spam wave' })).toEqual({ ok: true, remoteRef: accountId });
    expect(writes(s)).toEqual([{ method: 'DELETE', path: `${ADMIN}/users`, body: { nicknames: [accountId] }, status: 200 }]);
    expect(s.fake.state.accounts.has(accountId)).toBe(false);
    expect(statusIds.some((id) => s.fake.state.statuses.has(id))).toBe(false);
    const report = await s.connector.getReport(reportId);
    expect(report.target).toMatchObject({ remoteId: accountId, disabled: true });
    expect(report.statuses).toEqual([]);
  });

  it("surfaces Akkoma's 500 for an unknown nickname with an explanation", async () => {
    const { s } = await start();
    const e = (await caught(() => s.connector.perform({ kind: 'account.delete', accountId: 'nobody' }))) as AppError;
    expect(e.code).toBe('remote_error');
    expect(e.details).toMatchObject({ status: 500, remoteError: 'Internal server error' });
    expect(e.userMessage).toMatch(/no account with that nickname/);
    expect(s.fake.state.records[0]).toMatchObject({ method: 'DELETE', path: `${ADMIN}/users`, body: { nicknames: ['nobody'] } });
  });

  it('surfaces a missing admin:write:accounts scope in Akkoma words', async () => {
    const { s } = await start(['read', 'admin:read', 'admin:write:reports']);
    const e = (await caught(() => s.connector.perform({ kind: 'account.delete', accountId: 'alice' }))) as AppError;
    expect(e.code).toBe('forbidden');
    expect(e.details?.remoteError).toBe('Insufficient permissions: admin:write:accounts.');
    expect(s.fake.state.accounts.has('alice')).toBe(true);
  });

  it('rejects a nickname that is not one before calling the server', async () => {
    const { s } = await start();
    const e = (await caught(() => s.connector.perform({ kind: 'account.delete', accountId: 'a/../b' }))) as AppError;
    expect(e.code).toBe('bad_request');
    expect(s.fake.state.records).toEqual([]);
  });
});

describe('akkoma perform(): status.visibility', () => {
  it.each(['private', 'unlisted', 'public'] as const)('sets %s with PUT /statuses/:id', async (visibility) => {
    const { s, statusIds: [id] } = await start();
    expect(await s.connector.perform({ kind: 'status.visibility', statusId: id, visibility })).toEqual({ ok: true, remoteRef: id });
    expect(s.fake.state.statuses.get(id)?.visibility).toBe(visibility);
    expect(writes(s)).toEqual([{ method: 'PUT', path: `${ADMIN}/statuses/${id}`, body: { visibility }, status: 200 }]);
  });

  it('surfaces the bare-string 404 for an unknown post', async () => {
    const { s } = await start();
    const e = (await caught(() => s.connector.perform({ kind: 'status.visibility', statusId: 'ST404', visibility: 'private' }))) as AppError;
    expect(e.code).toBe('not_found');
    expect(e.details?.remoteError).toBe('Not found');
  });

  it('refuses a visibility the dashboard does not offer before calling the server', async () => {
    const { s, statusIds: [id] } = await start();
    const action = { kind: 'status.visibility', statusId: id, visibility: 'direct' } as unknown as ConnectorAction;
    const e = (await caught(() => s.connector.perform(action))) as AppError;
    expect(e.code).toBe('unsupported');
    expect(e.userMessage).toMatch(/public, unlisted or private/);
    expect(s.fake.state.records).toEqual([]);
  });
});
