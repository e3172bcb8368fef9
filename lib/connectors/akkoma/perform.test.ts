import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import type { ConnectorAction } from '../types';
import { caught, withFakeAkkoma, type AkkomaSetup } from './test-support';

let setup: AkkomaSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

async function start() {
  setup = await withFakeAkkoma({ reports: 0, seed: 2 });
  const report = setup.fake.addReport({ account: 'mallory@spam.example', actor: 'alice', state: 'open', statusCount: 2 });
  return { s: setup, reportId: String(report.id), statusIds: (report.statuses as Array<{ id: string }>).map((x) => x.id) };
}

const ADMIN = '/api/v1/pleroma/admin';

describe('akkoma perform(): reports', () => {
  it('resolves with a note, then reopens', async () => {
    const { s, reportId } = await start();
    expect(await s.connector.perform({ kind: 'report.resolve', reportId, comment: 'spam, handled' })).toEqual({ ok: true, remoteRef: reportId });
    expect(s.fake.state.reports.get(reportId)?.state).toBe('resolved');
    expect(s.fake.state.reports.get(reportId)?.notes.map((n) => n.content)).toEqual(['spam, handled']);
    await s.connector.perform({ kind: 'report.reopen', reportId });
    expect(s.fake.state.reports.get(reportId)?.state).toBe('open');
    expect(s.fake.state.records.map(({ method, path, body, status }) => ({ method, path, body, status }))).toEqual([
      { method: 'POST', path: `${ADMIN}/reports/${reportId}/notes`, body: { content: 'spam, handled' }, status: 204 },
      { method: 'PATCH', path: `${ADMIN}/reports`, body: { reports: [{ id: reportId, state: 'resolved' }] }, status: 204 },
      { method: 'PATCH', path: `${ADMIN}/reports`, body: { reports: [{ id: reportId, state: 'open' }] }, status: 204 },
    ]);
  });

  it('resolves without a note when there is no comment', async () => {
    const { s, reportId } = await start();
    await s.connector.perform({ kind: 'report.resolve', reportId });
    expect(s.fake.state.records.map((r) => r.path)).toEqual([`${ADMIN}/reports`]);
  });

  it('surfaces a per-item error from the bulk PATCH as remote_error', async () => {
    const { s } = await start();
    const e = (await caught(() => s.connector.perform({ kind: 'report.reopen', reportId: 'RP404' }))) as AppError;
    expect(e.code).toBe('remote_error');
    expect(e.details).toMatchObject({ status: 400, remoteError: 'not_found' });
    expect(e.userMessage).toContain('not_found');
  });
});

describe('akkoma perform(): statuses and media', () => {
  it('marks a status sensitive and deletes another', async () => {
    const { s, statusIds: [a, b] } = await start();
    expect(await s.connector.perform({ kind: 'status.sensitive', statusId: a, sensitive: true })).toEqual({ ok: true, remoteRef: a });
    expect(s.fake.state.statuses.get(a)?.sensitive).toBe(true);
    await s.connector.perform({ kind: 'status.delete', statusId: b });
    expect(s.fake.state.statuses.has(b)).toBe(false);
    expect(s.fake.state.records.map(({ method, path, body }) => ({ method, path, body }))).toEqual([
      { method: 'PUT', path: `${ADMIN}/statuses/${a}`, body: { sensitive: true } },
      { method: 'DELETE', path: `${ADMIN}/statuses/${b}`, body: {} },
    ]);
  });

  it('purges and bans media proxy URLs', async () => {
    const { s } = await start();
    const urls = ['https://spam.example/media/1.png', 'https://spam.example/media/2.png'];
    await s.connector.perform({ kind: 'media.purge', urls });
    expect([...s.fake.state.bannedUrls]).toEqual(urls);
    expect(s.fake.state.records.at(-1)).toMatchObject({ method: 'POST', path: `${ADMIN}/media_proxy_caches/purge`, body: { urls, ban: true }, status: 200 });
  });

  it('refuses a purge without URLs, since Akkoma purges by URL only', async () => {
    const { s } = await start();
    const e = (await caught(() => s.connector.perform({ kind: 'media.purge', host: 'spam.example' }))) as AppError;
    expect(e.code).toBe('unsupported');
    expect(s.fake.state.records).toEqual([]);
  });
});

describe('akkoma perform(): accounts by nickname', () => {
  it('deactivates and reactivates', async () => {
    const { s } = await start();
    await s.connector.perform({ kind: 'account.action', accountId: 'alice', type: 'disable', notify: false });
    expect(s.fake.state.accounts.get('alice')?.isActive).toBe(false);
    await s.connector.perform({ kind: 'account.undo', accountId: 'alice', type: 'enable' });
    expect(s.fake.state.accounts.get('alice')?.isActive).toBe(true);
    expect(s.fake.state.records.map(({ method, path, body }) => ({ method, path, body }))).toEqual([
      { method: 'PATCH', path: `${ADMIN}/users/deactivate`, body: { nicknames: ['alice'] } },
      { method: 'PATCH', path: `${ADMIN}/users/activate`, body: { nicknames: ['alice'] } },
    ]);
  });

  it('tags a remote account for sensitive and silence, and untags it', async () => {
    const { s } = await start();
    const accountId = 'mallory@spam.example';
    await s.connector.perform({ kind: 'account.action', accountId, type: 'sensitive', notify: false });
    await s.connector.perform({ kind: 'account.action', accountId, type: 'silence', notify: false });
    expect(s.fake.state.accounts.get(accountId)?.tags).toEqual(['mrf_tag:media-force-nsfw', 'mrf_tag:force-unlisted']);
    const report = await s.connector.getReport([...s.fake.state.reports.keys()][0]);
    expect(report.target).toMatchObject({ remoteId: accountId, sensitized: true, silenced: true });
    expect(report.target.suspended).toBeUndefined(); // Akkoma has no suspension state: unknown, never false (I1)
    await s.connector.perform({ kind: 'account.undo', accountId, type: 'unsilence' });
    await s.connector.perform({ kind: 'account.undo', accountId, type: 'unsensitive' });
    expect(s.fake.state.accounts.get(accountId)?.tags).toEqual([]);
    expect(s.fake.state.records.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      `PUT ${ADMIN}/users/tag 204`, `PUT ${ADMIN}/users/tag 204`, `DELETE ${ADMIN}/users/tag 204`, `DELETE ${ADMIN}/users/tag 204`,
    ]);
    expect(s.fake.state.records[0].body).toEqual({ nicknames: [accountId], tags: ['mrf_tag:media-force-nsfw'] });
  });

  it('surfaces the bare-string 404 for an unknown nickname', async () => {
    const { s } = await start();
    const e = (await caught(() => s.connector.perform({ kind: 'account.action', accountId: 'nobody', type: 'disable', notify: false }))) as AppError;
    expect(e.code).toBe('not_found');
    expect(e.details?.remoteError).toBe('Not found');
  });

  it('rejects a nickname that is not one before calling the server', async () => {
    const { s } = await start();
    const e = (await caught(() => s.connector.perform({ kind: 'account.undo', accountId: '../x', type: 'enable' }))) as AppError;
    expect(e.code).toBe('bad_request');
    expect(s.fake.state.records).toEqual([]);
  });
});

describe('akkoma perform(): unsupported', () => {
  const actions: ConnectorAction[] = [
    { kind: 'report.assign_to_self', reportId: 'RP1' },
    { kind: 'report.unassign', reportId: 'RP1' },
    { kind: 'report.set_category', reportId: 'RP1', category: 'spam' },
    { kind: 'report.forward', reportId: 'RP1' },
    { kind: 'domain.block', domain: 'spam.example', severity: 'suspend', rejectMedia: true, rejectReports: true, obfuscate: false },
    { kind: 'account.action', accountId: 'alice', type: 'suspend', notify: false },
    { kind: 'account.action', accountId: 'alice', type: 'none', notify: false },
    { kind: 'account.undo', accountId: 'alice', type: 'unsuspend' },
    { kind: 'status.purge', statusId: 'ST1' },
    { kind: 'status.block', statusId: 'ST1', blocked: true },
    { kind: 'media.delete', mediaId: 'MD1' },
  ];
  it.each(actions)('$kind ($type) → unsupported, and nothing reaches the server', async (action) => {
    const { s } = await start();
    const e = (await caught(() => s.connector.perform(action))) as AppError;
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe('unsupported');
    expect(s.fake.state.records).toEqual([]);
  });

  it('explains the missing suspend', async () => {
    const { s } = await start();
    const e = (await caught(() => s.connector.perform({ kind: 'account.action', accountId: 'alice', type: 'suspend', notify: false }))) as AppError;
    expect(e.userMessage).toBe('Akkoma has no suspend: deactivate the account, or use "Delete account permanently".');
  });

  it('explains each kind it does not offer with a note', async () => {
    const { s } = await start();
    const e = (await caught(() => s.connector.perform({ kind: 'status.block', statusId: 'ST1', blocked: true }))) as AppError;
    expect(e.userMessage).toBe(s.connector.capabilities.notes['status.block']);
    for (const kind of ['status.purge', 'status.block', 'media.delete'] as const) {
      expect(s.connector.capabilities.notes[kind]).toMatch(/Akkoma/);
    }
    expect(s.connector.capabilities.minVersion).toBe('Akkoma 3.0 / Pleroma 2.3');
  });

  it('offers exactly the supported actions', async () => {
    const { s } = await start();
    expect([...s.connector.capabilities.actions].sort()).toEqual(
      [
        'account.action', 'account.delete', 'account.undo', 'media.purge', 'report.note', 'report.reject', 'report.reopen', 'report.resolve',
        'status.delete', 'status.sensitive', 'status.visibility',
      ],
    );
    expect(s.connector.kind).toBe('akkoma');
  });
});
