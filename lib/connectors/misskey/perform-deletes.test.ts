import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import type { FetchLike } from '../types';
import { caught, errorText, withFake, type FakeSetup } from './test-support/with-fake';

let setup: FakeSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

function failingOn(endpoint: string): FetchLike {
  return async (url, init) =>
    url.endsWith(`/api/${endpoint}`)
      ? new Response(JSON.stringify({ error: { message: 'Storage backend is read-only.', code: 'STORAGE_READ_ONLY', id: 'f00', kind: 'server' } }), { status: 400 })
      : globalThis.fetch(url, init);
}

describe('Misskey account.delete', () => {
  it('calls admin/delete-account with the user id; the user\'s notes, files and reports are gone afterwards', async () => {
    setup = await withFake({ reports: 0 });
    const { fake, connector } = setup;
    const [target, bystander] = fake.state.remoteIds;
    const report = fake.addReport({ targetUserId: target, noteCount: 2, filesPerNote: 1, resolved: false });
    const kept = fake.addReport({ targetUserId: bystander, noteCount: 1, filesPerNote: 1, resolved: false });
    expect(await connector.perform({ kind: 'account.delete', accountId: target, reason: 'spam wave' })).toEqual({ ok: true, remoteRef: target });
    expect(fake.state.records.map((r) => [r.endpoint, r.body, r.status])).toEqual([['admin/delete-account', { userId: target }, 204]]);
    expect(fake.state.users.has(target)).toBe(false);
    expect([...fake.state.notes.values()].filter((n) => n.userId === target)).toEqual([]);
    expect([...fake.state.files.values()].filter((f) => f.userId === target)).toEqual([]);
    expect(fake.report(report.id)).toBeUndefined();
    const open = await connector.listReports({ resolved: false });
    expect(open.items.map((r) => r.remoteId)).toEqual([kept.id]);
    expect(open.items[0].statuses[0].media).toHaveLength(1); // another user's notes and files are untouched
  });

  it('explains that a moderator-only token cannot delete accounts', async () => {
    setup = await withFake({ reports: 0, admin: false });
    const { fake, connector } = setup;
    const err = await caught(() => connector.perform({ kind: 'account.delete', accountId: fake.state.remoteIds[0] }));
    expect((err as AppError).code).toBe('forbidden');
    expect((err as AppError).details?.code).toBe('ROLE_PERMISSION_DENIED');
    expect((err as AppError).userMessage).toMatch(/needs an administrator/);
    expect(fake.state.users.has(fake.state.remoteIds[0])).toBe(true);
  });

  it('names the missing write:admin:delete-account kind', async () => {
    setup = await withFake({ reports: 0, permissions: ['read:account', 'read:admin:abuse-user-reports', 'write:admin:suspend-user'] });
    const { fake, connector } = setup;
    const err = await caught(() => connector.perform({ kind: 'account.delete', accountId: fake.state.remoteIds[0] }));
    expect((err as AppError).code).toBe('forbidden');
    expect((err as AppError).details).toMatchObject({ code: 'PERMISSION_DENIED', missingPermission: 'write:admin:delete-account' });
    expect((err as AppError).userMessage).toBe('The token lacks the "write:admin:delete-account" permission (needed for admin/delete-account). Create a token that includes it.');
    expect(fake.state.records.map((r) => [r.endpoint, r.status])).toEqual([['admin/delete-account', 403]]);
  });

  it('surfaces Misskey\'s internal error for an unknown user as remote_error, without retrying the write', async () => {
    setup = await withFake({ reports: 0 });
    const { fake, connector, sleeps } = setup;
    const err = await caught(() => connector.perform({ kind: 'account.delete', accountId: 'nosuchuser' }));
    expect((err as AppError).code).toBe('remote_error');
    expect((err as AppError).details).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
    expect((err as AppError).userMessage).toContain('Internal error occurred');
    expect(fake.state.records).toHaveLength(1);
    expect(sleeps).toEqual([]);
    expect(errorText(err)).not.toContain(fake.token);
  });

  it('refuses an id that is not a Misskey id before sending anything', async () => {
    setup = await withFake({ reports: 0 });
    const err = await caught(() => setup!.connector.perform({ kind: 'account.delete', accountId: '../admin' }));
    expect((err as AppError).code).toBe('bad_request');
    expect(setup.fake.state.records).toEqual([]);
  });
});

describe('Misskey media.delete', () => {
  it('deletes the drive file behind a RemoteMedia: the note loses the attachment and the file is gone', async () => {
    setup = await withFake({ reports: 0 });
    const { fake, connector } = setup;
    const added = fake.addReport({ noteCount: 1, filesPerNote: 2, resolved: false });
    const [before] = (await connector.listReports({ resolved: false })).items;
    const [first, second] = before.statuses[0].media;
    expect(fake.state.files.has(first.remoteId)).toBe(true); // the mapper's remoteId is the drive file id
    expect(await connector.perform({ kind: 'media.delete', mediaId: first.remoteId })).toEqual({ ok: true, remoteRef: first.remoteId });
    expect(fake.state.records.map((r) => [r.endpoint, r.body, r.status])).toEqual([['drive/files/delete', { fileId: first.remoteId }, 204]]);
    expect(fake.state.files.has(first.remoteId)).toBe(false);
    expect((await fetch(first.url)).status).toBe(404);
    const after = await connector.getReport(added.id);
    expect(after.statuses[0].media.map((m) => m.remoteId)).toEqual([second.remoteId]);
  });

  it('surfaces NO_SUCH_FILE as not_found and another remote error as remote_error with its text', async () => {
    setup = await withFake({ reports: 0 });
    const missing = await caught(() => setup!.connector.perform({ kind: 'media.delete', mediaId: 'zzzzzzzzzz' }));
    expect((missing as AppError).code).toBe('not_found');
    expect((missing as AppError).details).toMatchObject({ status: 400, code: 'NO_SUCH_FILE', remoteError: 'No such file.' });
    await setup.fake.close();

    setup = await withFake({ reports: 0 }, undefined, failingOn('drive/files/delete'));
    const err = await caught(() => setup!.connector.perform({ kind: 'media.delete', mediaId: 'abc123' }));
    expect((err as AppError).code).toBe('remote_error');
    expect((err as AppError).userMessage).toBe('The instance returned an error: Storage backend is read-only.');
  });

  it('names the missing write:drive kind', async () => {
    setup = await withFake({ reports: 0, permissions: ['read:account', 'read:admin:abuse-user-reports', 'write:notes'] });
    const { fake, connector } = setup;
    fake.addReport({ noteCount: 1, filesPerNote: 1, resolved: false });
    const [fileId] = [...fake.state.files.keys()];
    const err = await caught(() => connector.perform({ kind: 'media.delete', mediaId: fileId }));
    expect((err as AppError).code).toBe('forbidden');
    expect((err as AppError).details?.missingPermission).toBe('write:drive');
    expect((err as AppError).userMessage).toContain('"write:drive"');
    expect(fake.state.files.has(fileId)).toBe(true);
  });
});
