import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import type { ConnectorAction } from '../types';
import { gotosocialCapabilities } from './capabilities';
import { caught, withFake, type FakeSetup } from './test-support/fake-connector';

let setup: FakeSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

const openReport = (s: FakeSetup) => [...s.fake.state.reports.values()].find((r) => !r.actionTakenAt)!;

describe('gotosocial perform', () => {
  it('resolves a report with the comment as action_taken_comment', async () => {
    setup = await withFake({ reports: 6 });
    const report = openReport(setup);
    const result = await setup.connector.perform({ kind: 'report.resolve', reportId: report.id, comment: 'Spam, suspended' });
    expect(result.report?.resolved).toBe(true);
    expect(report.actionTakenComment).toBe('Spam, suspended');
    expect(setup.fake.state.records).toMatchObject([
      { method: 'POST', path: `/api/v1/admin/reports/${report.id}/resolve`, body: { action_taken_comment: 'Spam, suspended' }, status: 200 },
    ]);
  });

  it('suspends an account with its text', async () => {
    setup = await withFake({ reports: 2 });
    const target = setup.fake.state.targetIds[0];
    const result = await setup.connector.perform({ kind: 'account.action', accountId: target, type: 'suspend', text: 'spam', notify: true });
    expect(result).toEqual({ ok: true, remoteRef: null });
    expect(setup.fake.state.accounts.get(target)?.suspended).toBe(true);
    expect(setup.fake.state.records).toMatchObject([
      { path: `/api/v1/admin/accounts/${target}/action`, body: { type: 'suspend', text: 'spam' }, status: 200 },
    ]);
  });

  it('surfaces the 409 of a conflicting account action as conflict with the remote text', async () => {
    setup = await withFake({ reports: 2 });
    const target = setup.fake.state.targetIds[1];
    setup.fake.state.runningActions.add(target);
    const e = (await caught(() => setup!.connector.perform({ kind: 'account.action', accountId: target, type: 'suspend', notify: false }))) as AppError;
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe('conflict');
    expect(e.details).toMatchObject({ status: 409, remoteError: expect.stringMatching(/currently running/) });
    expect(setup.fake.state.records).toMatchObject([{ status: 409 }]);
  });

  it('refuses account actions other than suspend without calling the server', async () => {
    setup = await withFake({ reports: 1 });
    for (const type of ['silence', 'sensitive', 'disable', 'none'] as const) {
      const e = (await caught(() => setup!.connector.perform({ kind: 'account.action', accountId: setup!.fake.state.targetIds[0], type, notify: false }))) as AppError;
      expect(e.code).toBe('unsupported');
    }
    expect(setup.fake.state.records).toEqual([]);
  });

  it('creates a full domain block with obfuscate and comments (severity and reject_media are not sent)', async () => {
    setup = await withFake({ reports: 1 });
    const result = await setup.connector.perform({
      kind: 'domain.block', domain: 'Spam.Example', severity: 'silence', rejectMedia: true, rejectReports: true,
      obfuscate: true, publicComment: 'spam source', privateComment: 'ticket 12',
    });
    const block = [...setup.fake.state.domainBlocks.values()][0];
    expect(result.remoteRef).toBe(block.id);
    expect(block).toMatchObject({ domain: 'spam.example', obfuscate: true, publicComment: 'spam source', privateComment: 'ticket 12' });
    const body = setup.fake.state.records[0].body;
    expect(body).toEqual({ domain: 'spam.example', obfuscate: 'true', public_comment: 'spam source', private_comment: 'ticket 12' });
  });

  it('purges cached remote media older than N days via media_cleanup', async () => {
    setup = await withFake({ reports: 20 });
    const result = await setup.connector.perform({ kind: 'media.purge', olderThanDays: 7 });
    expect(result.remoteRef).toBe('7');
    expect(setup.fake.state.records).toMatchObject([{ path: '/api/v1/admin/media_cleanup', query: { remote_cache_days: '7' }, status: 200 }]);
    expect(setup.fake.state.cleanups[0].remoteCacheDays).toBe(7);
    const e = (await caught(() => setup!.connector.perform({ kind: 'media.purge', urls: ['https://x.example/a.png'] }))) as AppError;
    expect(e.code).toBe('bad_request');
  });

  it.each<ConnectorAction>([
    { kind: 'report.assign_to_self', reportId: '01J0000000000000000000000A' },
    { kind: 'report.unassign', reportId: '01J0000000000000000000000A' },
    { kind: 'report.reopen', reportId: '01J0000000000000000000000A' },
    { kind: 'report.set_category', reportId: '01J0000000000000000000000A', category: 'spam' },
    { kind: 'status.delete', statusId: '01J0000000000000000000000A' },
    { kind: 'account.undo', accountId: '01J0000000000000000000000A', type: 'unsuspend' },
  ])('throws unsupported for $kind, which capabilities do not offer', async (action) => {
    setup = await withFake({ reports: 1 });
    expect(gotosocialCapabilities.actions).not.toContain(action.kind);
    const e = (await caught(() => setup!.connector.perform(action))) as AppError;
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe('unsupported');
    expect(setup.fake.state.records).toEqual([]);
  });

  it('never puts the token in an error, even when the remote echoes it', async () => {
    const { createGoToSocialConnector } = await import('./connector');
    const token = 'tok-very-secret-9f8e7d';
    const echo = createGoToSocialConnector({
      baseUrl: 'http://127.0.0.1:9', token, sleep: async () => {},
      fetch: async (_url, init) => {
        const auth = new Headers(init?.headers).get('authorization');
        return new Response(JSON.stringify({ error: `Bad Request: you sent ${auth}` }), { status: 400 });
      },
    });
    const e1 = (await caught(() => echo.perform({ kind: 'media.purge', olderThanDays: 1 }))) as AppError;
    const broken = createGoToSocialConnector({
      baseUrl: 'http://127.0.0.1:9', token, sleep: async () => {},
      fetch: async () => { throw new Error(`connect failed for ${token}`); },
    });
    const e2 = (await caught(() => broken.perform({ kind: 'media.purge', olderThanDays: 1 }))) as AppError;
    for (const e of [e1, e2]) {
      expect(e).toBeInstanceOf(AppError);
      expect(JSON.stringify({ m: e.message, u: e.userMessage, d: e.details, s: e.stack })).not.toContain(token);
    }
    expect(e1.details?.remoteError).toContain('[redacted]');
  });
});
