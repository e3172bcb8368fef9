import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import type { ConnectorAction } from '../types';
import { misskeyCapabilities } from './capabilities';
import { caught, errorText, withFake, type FakeSetup } from './test-support/with-fake';

let setup: FakeSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

async function records(url: string) {
  return (await (await fetch(`${url}/__fake/records`)).json()) as Array<{ endpoint: string; body: Record<string, unknown>; status: number }>;
}

describe('Misskey perform', () => {
  it('resolves (as accept) and forwards a report', async () => {
    setup = await withFake({ reports: 0 });
    const { fake, connector } = setup;
    // Misskey forwards only reports about remote users (AbuseReportService.forward).
    const r = fake.addReport({ resolved: false, noteCount: 0, targetUserId: fake.state.remoteIds[0] });
    expect(await connector.perform({ kind: 'report.resolve', reportId: r.id, comment: 'handled' })).toEqual({ ok: true, remoteRef: r.id });
    await connector.perform({ kind: 'report.forward', reportId: r.id });
    expect(fake.report(r.id)).toMatchObject({ resolved: true, resolvedAs: 'accept', forwarded: true });
    const recs = await records(fake.url);
    expect(recs).toEqual([
      expect.objectContaining({ endpoint: 'admin/resolve-abuse-user-report', body: { reportId: r.id, resolvedAs: 'accept' }, status: 204 }),
      expect.objectContaining({ endpoint: 'admin/forward-abuse-user-report', body: { reportId: r.id }, status: 204 }),
    ]);
    expect(JSON.stringify(recs)).not.toContain(fake.token); // the fake strips `i`; the client sent it
  });

  it('suspends and unsuspends a user', async () => {
    setup = await withFake({ reports: 0 });
    const { fake, connector } = setup;
    const userId = fake.state.remoteIds[0];
    await connector.perform({ kind: 'account.action', accountId: userId, type: 'suspend', notify: false });
    expect(fake.state.users.get(userId)?.isSuspended).toBe(true);
    await connector.perform({ kind: 'account.undo', accountId: userId, type: 'unsuspend' });
    expect(fake.state.users.get(userId)?.isSuspended).toBe(false);
    expect((await records(fake.url)).map((r) => [r.endpoint, r.body.userId, r.status])).toEqual([
      ['admin/suspend-user', userId, 204],
      ['admin/unsuspend-user', userId, 204],
    ]);
  });

  it('deletes a note and purges a host\'s cached files', async () => {
    setup = await withFake({ reports: 0 });
    const { fake, connector } = setup;
    fake.addReport({ targetUserId: fake.state.remoteIds[0], noteCount: 1, filesPerNote: 2, resolved: false });
    const [noteId] = [...fake.state.notes.keys()];
    await connector.perform({ kind: 'status.delete', statusId: noteId });
    expect(fake.state.notes.has(noteId)).toBe(false);
    const host = fake.state.users.get(fake.state.remoteIds[0])!.host!;
    expect(await connector.perform({ kind: 'media.purge', host: host.toUpperCase() })).toEqual({ ok: true, remoteRef: host });
    expect(fake.state.purgedHosts).toEqual([host]);
    expect([...fake.state.files.values()]).toHaveLength(0);
    expect((await records(fake.url)).map((r) => [r.endpoint, r.body])).toEqual([
      ['notes/delete', { noteId }],
      ['admin/federation/delete-all-files', { host }],
    ]);
  });

  it('refuses unsupported actions with AppError("unsupported") and sends nothing', async () => {
    setup = await withFake({ reports: 0 });
    const { fake, connector } = setup;
    const unsupported: ConnectorAction[] = [
      { kind: 'report.reopen', reportId: 'abc' },
      { kind: 'report.assign_to_self', reportId: 'abc' },
      { kind: 'account.action', accountId: 'abc', type: 'silence', notify: false },
      { kind: 'account.undo', accountId: 'abc', type: 'unsilence' },
      { kind: 'domain.block', domain: 'bad.example', severity: 'suspend', rejectMedia: true, rejectReports: true, obfuscate: false },
    ];
    for (const action of unsupported) {
      const err = await caught(() => connector.perform(action));
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('unsupported');
    }
    for (const kind of ['report.reopen', 'domain.block', 'report.set_category'] as const) {
      expect(misskeyCapabilities.actions).not.toContain(kind);
      expect(misskeyCapabilities.notes[kind]).toEqual(expect.any(String));
    }
    expect(await records(fake.url)).toEqual([]);
  });

  it('requires a host for media.purge', async () => {
    setup = await withFake({ reports: 0 });
    const err = await caught(() => setup!.connector.perform({ kind: 'media.purge', urls: ['https://x.example/a.png'] }));
    expect((err as AppError).code).toBe('bad_request');
  });

  it('surfaces the remote error (unknown user, missing permission) without the token', async () => {
    setup = await withFake({ reports: 0, permissions: ['read:admin:abuse-user-reports', 'write:admin:suspend-user'] });
    const { fake, connector } = setup;
    const missing = await caught(() => connector.perform({ kind: 'account.action', accountId: 'nosuchuser', type: 'suspend', notify: false }));
    expect((missing as AppError).code).toBe('not_found');
    expect((missing as AppError).details).toMatchObject({ status: 400, code: 'NO_SUCH_USER', remoteError: 'No such user.' });
    const denied = await caught(() => connector.perform({ kind: 'status.delete', statusId: 'abc' }));
    expect((denied as AppError).code).toBe('forbidden');
    expect((denied as AppError).details?.code).toBe('PERMISSION_DENIED');
    expect((denied as AppError).userMessage).toContain('notes/delete');
    for (const e of [missing, denied]) expect(errorText(e)).not.toContain(fake.token);
  });

  it('does not retry a write after a server error', async () => {
    let calls = 0;
    const failing = async () => {
      calls++;
      return new Response(JSON.stringify({ error: { message: 'Internal error occurred.', code: 'INTERNAL_ERROR', id: 'x', kind: 'server' } }), { status: 500 });
    };
    setup = await withFake({ reports: 0 }, undefined, failing);
    const err = await caught(() => setup!.connector.perform({ kind: 'report.resolve', reportId: 'abc' }));
    expect((err as AppError).code).toBe('remote_error');
    expect(calls).toBe(1);
  });
});
