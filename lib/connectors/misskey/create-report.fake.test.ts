/** report.create against the fake Misskey over real HTTP: the report lands, lists, and is forwarded exactly once. */
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import type { FetchLike } from '../types';
import { caught, errorText, withFake, type FakeSetup } from './test-support/with-fake';

let setup: FakeSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

async function records(url: string) {
  return (await (await fetch(`${url}/__fake/records`)).json()) as Array<{ endpoint: string; body: Record<string, unknown>; status: number }>;
}

describe('Misskey report.create against the fake', () => {
  it('opens a report with note links that listReports returns, and does not forward unless asked', async () => {
    setup = await withFake({ reports: 3 });
    const { fake, connector } = setup;
    const target = fake.state.remoteIds[0];
    const noteId = [...fake.state.notes.keys()][0] ?? 'nonote1';
    const result = await connector.perform({ kind: 'report.create', accountId: target, statusIds: [noteId], comment: 'Case 7 (fedimod): copies found.', forward: false });
    expect(result).toEqual({ ok: true, remoteRef: null });
    const created = [...fake.state.reports.values()].find((r) => r.comment.startsWith('Case 7'))!;
    expect(created).toMatchObject({ reporterId: fake.state.adminId, targetUserId: target, forwarded: false, comment: `Case 7 (fedimod): copies found.\nNote: ${fake.url}/notes/${noteId}` });
    const page = await connector.listReports({ resolved: false });
    const listed = page.items.find((r) => r.remoteId === created.id);
    expect(listed).toMatchObject({ forwarded: false, target: { remoteId: target }, reporter: { remoteId: fake.state.adminId } });
    expect((await records(fake.url)).map((r) => r.endpoint)).toEqual(['users/report-abuse']);
  });

  it('forwards the new report about a remote user once and returns its id', async () => {
    setup = await withFake({ reports: 5 });
    const { fake, connector } = setup;
    const target = fake.state.remoteIds[1];
    const result = await connector.perform({ kind: 'report.create', accountId: target, statusIds: [], comment: 'Case 8 (fedimod): please review.', forward: true });
    const created = [...fake.state.reports.values()].find((r) => r.comment === 'Case 8 (fedimod): please review.')!;
    expect(result).toEqual({ ok: true, remoteRef: created.id });
    expect(created.forwarded).toBe(true);
    const forwards = (await records(fake.url)).filter((r) => r.endpoint === 'admin/forward-abuse-user-report');
    expect(forwards).toEqual([expect.objectContaining({ body: { reportId: created.id }, status: 204 })]);
    expect((await connector.getReport(created.id)).forwarded).toBe(true);
    // A second forward answers as Misskey does: a plain Error, HTTP 500, and nothing is sent again.
    const again = await caught(() => connector.perform({ kind: 'report.forward', reportId: created.id }));
    expect(again).toBeInstanceOf(AppError);
    expect((await records(fake.url)).filter((r) => r.endpoint === 'admin/forward-abuse-user-report').map((r) => r.status)).toEqual([204, 500]);
  });

  it('does not forward a report about a local user (it is already on its home server)', async () => {
    setup = await withFake({ reports: 0 });
    const { fake, connector } = setup;
    const target = fake.state.localIds[0];
    const result = await connector.perform({ kind: 'report.create', accountId: target, statusIds: [], comment: 'Local one.', forward: true });
    const created = [...fake.state.reports.values()].find((r) => r.comment === 'Local one.')!;
    expect(result).toEqual({ ok: true, remoteRef: created.id });
    expect(created.forwarded).toBe(false);
    expect((await records(fake.url)).map((r) => r.endpoint)).toEqual(['users/report-abuse']);
  });

  it('refuses an empty or too long comment before calling, and passes Misskey\'s own refusals on', async () => {
    setup = await withFake({ reports: 0 });
    const { fake, connector } = setup;
    const target = fake.state.remoteIds[0];
    for (const comment of ['   ', 'x'.repeat(2049)]) {
      const err = await caught(() => connector.perform({ kind: 'report.create', accountId: target, statusIds: [], comment, forward: false }));
      expect((err as AppError).code).toBe('bad_request');
    }
    expect(await records(fake.url)).toEqual([]);
    const admin = await caught(() => connector.perform({ kind: 'report.create', accountId: fake.state.adminId, statusIds: [], comment: 'x', forward: false }));
    expect(admin).toBeInstanceOf(AppError);
    expect(errorText(admin)).not.toContain(fake.token);
    expect((await records(fake.url)).map((r) => [r.endpoint, r.status])).toEqual([['users/report-abuse', 400]]);
  });

  it('says so, without reporting again, when the new report cannot be found to forward', async () => {
    // An instance whose report list leaves the new report out (say, another moderator resolved it at once).
    const hiding: FetchLike = async (url, init) =>
      url.endsWith('/api/admin/abuse-user-reports') ? new Response('[]', { status: 200 }) : globalThis.fetch(url, init);
    setup = await withFake({ reports: 0 }, undefined, hiding);
    const { fake, connector } = setup;
    const err = await caught(() => connector.perform({ kind: 'report.create', accountId: fake.state.remoteIds[0], statusIds: [], comment: 'Hidden.', forward: true }));
    expect((err as AppError).code).toBe('remote_error');
    expect((err as AppError).userMessage).toMatch(/do not report again/);
    expect((await records(fake.url)).map((r) => r.endpoint)).toEqual(['users/report-abuse']);
  });

  it('names the missing write:report-abuse permission', async () => {
    setup = await withFake({ reports: 0, permissions: ['read:account', 'read:admin:abuse-user-reports'] });
    const { fake, connector } = setup;
    const err = await caught(() => connector.perform({ kind: 'report.create', accountId: fake.state.remoteIds[0], statusIds: [], comment: 'x', forward: false }));
    expect((err as AppError).code).toBe('forbidden');
    expect((err as AppError).details).toMatchObject({ missingPermission: 'write:report-abuse' });
    expect(fake.state.reports.size).toBe(0);
  });
});
