/**
 * Removals on the fake Misskey really remove (contracts §3): the file URL and the note page after notes/delete,
 * drive/files/delete, admin/delete-account and admin/federation/delete-all-files, the lookups after them, the
 * keep-serving switch, and the log of removal calls.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { KNOWN_BAD, knownBadImage } from '../federation/known-bad';
import { startFakeMisskey, type FakeMisskey } from './server';

let fake: FakeMisskey | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function api(f: FakeMisskey, endpoint: string, body: Record<string, unknown>) {
  const res = await fetch(`${f.url}/api/${endpoint}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ i: f.token, ...body }) });
  return { status: res.status, json: res.status === 204 ? null : await res.json() };
}
const control = (f: FakeMisskey, path: string, body?: unknown) =>
  fetch(`${f.url}/__fake/${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }).then((r) => r.json());
const status = async (url: string) => (await fetch(url)).status;

/** The known-bad copy: its note, its cached file, the user, and the public URLs a receipt fetches. */
function knownBad(f: FakeMisskey) {
  const note = [...f.state.notes.values()].find((n) => n.uri === KNOWN_BAD.post.uri)!;
  const fileId = note.fileIds[0];
  return { note, fileId, userId: note.userId, fileUrl: `${f.url}/files/${fileId}`, page: `${f.url}/notes/${note.id}` };
}
const fileFound = async (f: FakeMisskey, url: string) => (await api(f, 'admin/drive/show-file', { url })).status === 200;

describe('fake misskey removals', () => {
  it('notes/delete removes the note (page 404) but not its drive file; drive/files/delete then makes the file URL 404', async () => {
    fake = await startFakeMisskey({ reports: 0, knownBad: {} });
    const kb = knownBad(fake);
    expect(await status(kb.page)).toBe(200);
    expect(await status(kb.fileUrl)).toBe(200);
    expect((await api(fake, 'notes/delete', { noteId: kb.note.id })).status).toBe(204);
    expect(await status(kb.page)).toBe(404);
    expect((await api(fake, 'users/notes', { userId: kb.userId, limit: 100 })).json).toEqual([]);
    expect(await status(kb.fileUrl)).toBe(200);
    expect((await api(fake, 'drive/files/delete', { fileId: kb.fileId })).status).toBe(204);
    expect(await status(kb.fileUrl)).toBe(404);
    expect(await fileFound(fake, kb.fileUrl)).toBe(false);
    expect((await control(fake, 'destructive-calls')).map((c: { path: string }) => c.path)).toEqual(['/api/notes/delete', '/api/drive/files/delete']);
    await control(fake, 'reset-destructive-calls', {});
    expect(await control(fake, 'destructive-calls')).toEqual([]);
  });

  it('admin/delete-account removes the user\'s notes and files', async () => {
    fake = await startFakeMisskey({ reports: 0, knownBad: {} });
    const kb = knownBad(fake);
    expect((await api(fake, 'admin/delete-account', { userId: kb.userId })).status).toBe(204);
    expect(await status(kb.fileUrl)).toBe(404);
    expect(await status(kb.page)).toBe(404);
    expect((await api(fake, 'users/show', { userId: kb.userId })).json.error.code).toBe('NO_SUCH_USER');
  });

  it('admin/federation/delete-all-files removes that host\'s cached files only', async () => {
    fake = await startFakeMisskey({ reports: 3, knownBad: {} });
    const kb = knownBad(fake);
    const others = [...fake.state.files.values()].filter((f) => f.userId !== kb.userId && !f.isLink).map((f) => `${fake!.url}/files/${f.id}`);
    expect((await api(fake, 'admin/federation/delete-all-files', { host: KNOWN_BAD.originDomain })).status).toBe(204);
    expect(await status(kb.fileUrl)).toBe(404);
    expect(await status(kb.page)).toBe(200); // the note stays; only the cached file went
    for (const url of others.slice(0, 3)) expect(await status(url)).toBe(200);
  });

  it('keep-serving: a deleted file is served on with the same bytes until switched off', async () => {
    fake = await startFakeMisskey({ reports: 0, knownBad: {} });
    const kb = knownBad(fake);
    expect(await control(fake, 'keep-serving', { on: true })).toEqual({ on: true });
    await api(fake, 'drive/files/delete', { fileId: kb.fileId });
    expect(Buffer.from(await (await fetch(kb.fileUrl)).arrayBuffer())).toEqual(await knownBadImage('original'));
    await control(fake, 'keep-serving', { on: false });
    expect(await status(kb.fileUrl)).toBe(404);
  });

  it('admin/show-user: the suspension state for moderators; a missing user is a 500 INTERNAL_ERROR, as on Misskey', async () => {
    fake = await startFakeMisskey({ reports: 0, knownBad: {} });
    const kb = knownBad(fake);
    expect((await api(fake, 'admin/show-user', { userId: kb.userId })).json).toMatchObject({ isSuspended: false });
    const missing = await api(fake, 'admin/show-user', { userId: 'nope' });
    expect(missing.status).toBe(500);
    expect(missing.json.error).toMatchObject({ code: 'INTERNAL_ERROR', info: { e: { message: 'user not found' } } });
  });
});
