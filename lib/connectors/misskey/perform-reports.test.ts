import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import type { FetchLike } from '../types';
import { caught, errorText, withFake, type FakeSetup } from './test-support/with-fake';

let setup: FakeSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

/** Passes every call to the fake except `endpoint`, which fails the way Misskey reports an endpoint error. */
function failingOn(endpoint: string): FetchLike {
  return async (url, init) =>
    url.endsWith(`/api/${endpoint}`)
      ? new Response(JSON.stringify({ error: { message: 'Moderation is paused on this server.', code: 'MODERATION_PAUSED', id: 'f00', kind: 'client' } }), { status: 400 })
      : globalThis.fetch(url, init);
}

describe('Misskey report.reject', () => {
  it('resolves the report as "reject" (and resolve still sends "accept")', async () => {
    setup = await withFake({ reports: 0 });
    const { fake, connector } = setup;
    const rejected = fake.addReport({ resolved: false, noteCount: 0 });
    const accepted = fake.addReport({ resolved: false, noteCount: 0 });
    expect(await connector.perform({ kind: 'report.reject', reportId: rejected.id, comment: 'not a violation' })).toEqual({ ok: true, remoteRef: rejected.id });
    await connector.perform({ kind: 'report.resolve', reportId: accepted.id });
    expect(fake.state.records.map((r) => [r.endpoint, r.body, r.status])).toEqual([
      ['admin/resolve-abuse-user-report', { reportId: rejected.id, resolvedAs: 'reject' }, 204], // the comment is not sent
      ['admin/resolve-abuse-user-report', { reportId: accepted.id, resolvedAs: 'accept' }, 204],
    ]);
    expect(fake.report(rejected.id)).toMatchObject({ resolved: true, resolvedAs: 'reject', assigneeId: fake.state.adminId });
    expect(fake.report(accepted.id)).toMatchObject({ resolved: true, resolvedAs: 'accept' });
  });

  it('names the missing permission kind when the token lacks it', async () => {
    setup = await withFake({ reports: 0, permissions: ['read:account', 'read:admin:abuse-user-reports'] });
    const { fake, connector } = setup;
    const r = fake.addReport({ resolved: false, noteCount: 0 });
    const err = await caught(() => connector.perform({ kind: 'report.reject', reportId: r.id }));
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('forbidden');
    expect((err as AppError).details).toMatchObject({ code: 'PERMISSION_DENIED', missingPermission: 'write:admin:resolve-abuse-user-report' });
    expect((err as AppError).userMessage).toContain('"write:admin:resolve-abuse-user-report"');
    expect(fake.state.records.map((x) => [x.endpoint, x.status])).toEqual([['admin/resolve-abuse-user-report', 403]]);
    expect(fake.report(r.id)?.resolved).toBe(false);
    expect(errorText(err)).not.toContain(fake.token);
  });

  it('surfaces an unknown report as not_found and another remote error as remote_error with its text', async () => {
    setup = await withFake({ reports: 0 });
    const missing = await caught(() => setup!.connector.perform({ kind: 'report.reject', reportId: 'zzzzzzzzzz' }));
    expect((missing as AppError).code).toBe('not_found');
    expect((missing as AppError).details).toMatchObject({ status: 404, code: 'NO_SUCH_ABUSE_REPORT' });
    await setup.fake.close();

    setup = await withFake({ reports: 0 }, undefined, failingOn('admin/resolve-abuse-user-report'));
    const r = setup.fake.addReport({ resolved: false, noteCount: 0 });
    const err = await caught(() => setup!.connector.perform({ kind: 'report.reject', reportId: r.id }));
    expect((err as AppError).code).toBe('remote_error');
    expect((err as AppError).details?.remoteError).toBe('Moderation is paused on this server.');
    expect((err as AppError).userMessage).toContain('Moderation is paused on this server.');
  });
});

describe('Misskey report.note', () => {
  it('writes the note when the report has none, and maps it back as the report\'s one remote note', async () => {
    setup = await withFake({ reports: 0 });
    const { fake, connector } = setup;
    const r = fake.addReport({ resolved: false, noteCount: 0 });
    expect(await connector.perform({ kind: 'report.note', reportId: r.id, text: '  Checked the linked notes.\n' })).toEqual({ ok: true, remoteRef: r.id });
    expect(fake.state.records.map((x) => [x.endpoint, x.body, x.status])).toEqual([
      ['admin/update-abuse-user-report', { reportId: r.id, moderationNote: 'Checked the linked notes.' }, 204],
    ]);
    const report = await connector.getReport(r.id);
    expect(report.notes).toEqual([{ remoteId: null, author: null, text: 'Checked the linked notes.', createdAt: null }]);
  });

  it('appends to the existing moderation note after a blank line, keeping it verbatim', async () => {
    setup = await withFake({ reports: 0 });
    const { fake, connector } = setup;
    const r = fake.addReport({ resolved: false, noteCount: 0 });
    fake.report(r.id)!.moderationNote = 'Warned once in March.\nSee ticket 12.';
    await connector.perform({ kind: 'report.note', reportId: r.id, text: 'Second report: suspending.' });
    const expected = 'Warned once in March.\nSee ticket 12.\n\nSecond report: suspending.';
    expect(fake.state.records).toEqual([expect.objectContaining({ endpoint: 'admin/update-abuse-user-report', body: { reportId: r.id, moderationNote: expected } })]);
    expect(fake.report(r.id)?.moderationNote).toBe(expected);
    await connector.perform({ kind: 'report.note', reportId: r.id, text: 'Third.' });
    expect(fake.report(r.id)?.moderationNote).toBe(`${expected}\n\nThird.`);
  });

  it('refuses an empty note, a note past Misskey\'s 8192 characters, and an unknown report, writing nothing', async () => {
    setup = await withFake({ reports: 0 });
    const { fake, connector } = setup;
    const r = fake.addReport({ resolved: false, noteCount: 0 });
    const empty = await caught(() => connector.perform({ kind: 'report.note', reportId: r.id, text: ' \n ' }));
    expect((empty as AppError).code).toBe('bad_request');
    fake.report(r.id)!.moderationNote = 'x'.repeat(8000);
    const long = await caught(() => connector.perform({ kind: 'report.note', reportId: r.id, text: 'y'.repeat(200) }));
    expect((long as AppError).code).toBe('bad_request');
    expect((long as AppError).userMessage).toMatch(/8192 characters.*8202/);
    const missing = await caught(() => connector.perform({ kind: 'report.note', reportId: 'zzzzzzzzzz', text: 'hello' }));
    expect((missing as AppError).code).toBe('not_found');
    expect(fake.state.records).toEqual([]);
    expect(fake.report(r.id)?.moderationNote).toBe('x'.repeat(8000));
  });

  it('names the missing permission kind, and surfaces a remote error with its text', async () => {
    setup = await withFake({ reports: 0, permissions: ['read:account', 'read:admin:abuse-user-reports'] });
    const r = setup.fake.addReport({ resolved: false, noteCount: 0 });
    const denied = await caught(() => setup!.connector.perform({ kind: 'report.note', reportId: r.id, text: 'note' }));
    expect((denied as AppError).code).toBe('forbidden');
    expect((denied as AppError).details?.missingPermission).toBe('write:admin:resolve-abuse-user-report');
    expect((denied as AppError).userMessage).toContain('"write:admin:resolve-abuse-user-report"');
    await setup.fake.close();

    setup = await withFake({ reports: 0 }, undefined, failingOn('admin/update-abuse-user-report'));
    const r2 = setup.fake.addReport({ resolved: false, noteCount: 0 });
    const err = await caught(() => setup!.connector.perform({ kind: 'report.note', reportId: r2.id, text: 'note' }));
    expect((err as AppError).code).toBe('remote_error');
    expect((err as AppError).details?.remoteError).toBe('Moderation is paused on this server.');
  });
});
