import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import type { ConnectorAction } from '../types';
import { caught, withFake, type FakeSetup } from './test-support/fake-connector';

let setup: FakeSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

async function start() {
  setup = await withFake({ reports: 20, seed: 2 });
  return setup;
}

const lastRecord = (s: FakeSetup) => s.fake.state.records.at(-1);

describe('mastodon perform(): report actions', () => {
  it('assigns, unassigns, resolves and reopens, returning the fresh report', async () => {
    const s = await start();
    const assigned = await s.connector.perform({ kind: 'report.assign_to_self', reportId: '2' });
    expect(assigned.report?.assignee?.username).toBe('admin');
    expect(lastRecord(s)).toMatchObject({ method: 'POST', path: '/api/v1/admin/reports/2/assign_to_self', status: 200 });
    const unassigned = await s.connector.perform({ kind: 'report.unassign', reportId: '2' });
    expect(unassigned.report?.assignee).toBeNull();
    const resolved = await s.connector.perform({ kind: 'report.resolve', reportId: '2', comment: 'handled' });
    expect(resolved).toMatchObject({ ok: true, remoteRef: '2', report: { resolved: true } });
    expect(s.fake.state.reports.get('2')?.actionTakenAt).not.toBeNull();
    const reopened = await s.connector.perform({ kind: 'report.reopen', reportId: '2' });
    expect(reopened.report?.resolved).toBe(false);
    expect(s.fake.state.records.map((r) => r.path)).toEqual([
      '/api/v1/admin/reports/2/assign_to_self', '/api/v1/admin/reports/2/unassign',
      '/api/v1/admin/reports/2/resolve', '/api/v1/admin/reports/2/reopen',
    ]);
  });

  it('sets the category and rules with a rule_ids[] form array', async () => {
    const s = await start();
    const out = await s.connector.perform({ kind: 'report.set_category', reportId: '3', category: 'violation', ruleIds: ['1', '3'] });
    expect(lastRecord(s)).toMatchObject({ method: 'PUT', path: '/api/v1/admin/reports/3', body: { category: 'violation', rule_ids: ['1', '3'] } });
    expect(out.report?.category).toBe('violation');
    expect(out.report?.rules.map((r) => r.remoteId)).toEqual(['1', '3']);
  });

  it('refuses an unknown category before calling the instance', async () => {
    const s = await start();
    const err = await caught(() => s.connector.perform({ kind: 'report.set_category', reportId: '3', category: 'nonsense' }));
    expect((err as AppError).code).toBe('bad_request');
    expect(s.fake.state.records).toEqual([]);
  });
});

describe('mastodon perform(): account actions', () => {
  it('suspend marks the account suspended and resolves its open reports', async () => {
    const s = await start();
    const report = s.fake.state.reports.get('1')!;
    const target = report.targetId;
    const openBefore = [...s.fake.state.reports.values()].filter((r) => r.targetId === target && !r.actionTakenAt);
    expect(openBefore.length).toBeGreaterThan(0);
    const out = await s.connector.perform({ kind: 'account.action', accountId: target, type: 'suspend', text: 'Bye', notify: true, reportId: '1' });
    expect(out).toEqual({ ok: true, remoteRef: null });
    expect(lastRecord(s)).toMatchObject({
      method: 'POST', path: `/api/v1/admin/accounts/${target}/action`, status: 200,
      body: { type: 'suspend', report_id: '1', text: 'Bye', send_email_notification: 'true' },
    });
    expect(s.fake.state.accounts.get(target)?.suspended).toBe(true);
    expect(openBefore.every((r) => r.actionTakenAt !== null)).toBe(true);
    const summary = await (await fetch(`${s.fake.url}/__fake/state`)).json();
    expect(summary.accounts.suspended.map((a: { id: string }) => a.id)).toContain(target);
  });

  it('a warning (type none) resolves only the given report', async () => {
    const s = await start();
    const target = s.fake.state.reports.get('1')!.targetId;
    const extra = s.fake.addReport({ targetAccountId: target });
    await s.connector.perform({ kind: 'account.action', accountId: target, type: 'none', text: 'Warning', notify: false, reportId: '1' });
    expect(s.fake.state.reports.get('1')?.actionTakenAt).not.toBeNull();
    expect(s.fake.state.reports.get(String(extra.id))?.actionTakenAt).toBeNull();
    expect(s.fake.state.warnings.at(-1)).toMatchObject({ type: 'none', text: 'Warning', sendEmailNotification: false });
  });

  it.each([
    ['sensitive', 'sensitized', 'unsensitive'],
    ['silence', 'silenced', 'unsilence'],
    ['disable', 'disabled', 'enable'],
    ['suspend', 'suspended', 'unsuspend'],
  ] as const)('%s then undo', async (type, flag, undo) => {
    const s = await start();
    const local = [...s.fake.state.accounts.values()].find((a) => a.username === 'spammy')!;
    await s.connector.perform({ kind: 'account.action', accountId: local.id, type, notify: false });
    expect(local[flag]).toBe(true);
    const out = await s.connector.perform({ kind: 'account.undo', accountId: local.id, type: undo });
    expect(out.remoteRef).toBe(local.id);
    expect(local[flag]).toBe(false);
    expect(lastRecord(s)).toMatchObject({ method: 'POST', path: `/api/v1/admin/accounts/${local.id}/${undo}`, status: 200 });
  });

  it('surfaces a 403 from a role without Manage Users as forbidden with the remote text', async () => {
    setup = await withFake({ reports: 3, rolePermissions: { manageReports: true, manageUsers: false, manageFederation: true } });
    const target = setup.fake.state.reports.get('1')!.targetId;
    const err = await caught(() => setup!.connector.perform({ kind: 'account.action', accountId: target, type: 'silence', notify: false }));
    expect((err as AppError).code).toBe('forbidden');
    expect((err as AppError).details).toMatchObject({ status: 403, remoteError: 'This action is not allowed' });
    expect(lastRecord(setup)).toMatchObject({ status: 403 });
  });
});

describe('mastodon perform(): domain blocks and unsupported actions', () => {
  const block: ConnectorAction = {
    kind: 'domain.block', domain: 'Spam.Example', severity: 'suspend', rejectMedia: true, rejectReports: true,
    obfuscate: true, privateComment: 'from report 3', publicComment: 'spam',
  };

  it('stores the block with severity, reject_media and obfuscate, and suspends that domain', async () => {
    const s = await start();
    const out = await s.connector.perform(block);
    const stored = s.fake.state.domainBlocks.get(out.remoteRef!);
    expect(stored).toMatchObject({
      domain: 'spam.example', severity: 'suspend', rejectMedia: true, rejectReports: true, obfuscate: true,
      privateComment: 'from report 3', publicComment: 'spam',
    });
    const onDomain = [...s.fake.state.accounts.values()].filter((a) => a.domain === 'spam.example');
    expect(onDomain.length).toBeGreaterThan(0);
    expect(onDomain.every((a) => a.suspended)).toBe(true);
    expect(lastRecord(s)?.body).toMatchObject({ domain: 'spam.example', severity: 'suspend', reject_media: 'true', obfuscate: 'true' });
  });

  it('surfaces the 422 text for a duplicate domain block', async () => {
    const s = await start();
    await s.connector.perform(block);
    const err = await caught(() => s.connector.perform(block));
    expect((err as AppError).code).toBe('remote_error');
    expect((err as AppError).details).toMatchObject({ status: 422, remoteError: 'You have already imposed stricter limits on spam.example.' });
    expect((err as AppError).userMessage).toBe('The instance returned an error: You have already imposed stricter limits on spam.example.');
  });

  it('rejects unsafe ids and unsupported kinds without a request', async () => {
    const s = await start();
    const bad = await caught(() => s.connector.perform({ kind: 'report.resolve', reportId: '../accounts/1' }));
    expect((bad as AppError).code).toBe('bad_request');
    const unsupported = await caught(() => s.connector.perform({ kind: 'status.delete' } as unknown as ConnectorAction));
    expect((unsupported as AppError).code).toBe('unsupported');
    expect(s.fake.state.records).toEqual([]);
  });

  it('declares capabilities with the notes the UI shows', async () => {
    const s = await start();
    const caps = s.connector.capabilities;
    expect(caps.actions).toContain('domain.block');
    expect(caps.actions).not.toContain('status.delete');
    expect(caps.categories).toEqual(['spam', 'legal', 'violation', 'other']);
    expect(caps.notes['status.delete']).toBe(
      "Mastodon's admin API cannot delete posts. Suspend or silence the account, or delete the post in Mastodon's own admin UI.",
    );
    expect(caps.notes['account.action']).toMatch(/private/);
  });
});
