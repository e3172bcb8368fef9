/** The fake Misskey's federated known-bad copy, its copy lookups, and the traps that record remote fetches. */
import { afterEach, describe, expect, it } from 'vitest';
import { KNOWN_BAD, knownBadImage } from '../federation/known-bad';
import { startFakeMisskey, type FakeMisskey } from './server';

let fake: FakeMisskey | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function api(endpoint: string, body: Record<string, unknown>) {
  const res = await fetch(`${fake!.url}/api/${endpoint}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ i: fake!.token, ...body }) });
  return { status: res.status, json: await res.json() };
}
const fetches = async () => (await (await fetch(`${fake!.url}/__fake/remote-fetches`)).json()) as unknown[];

describe('fake Misskey known-bad copy', () => {
  it('holds the remote user, the note with the origin uri/url, and a cached file served with the variant\'s bytes', async () => {
    fake = await startFakeMisskey({ reports: 2, knownBad: { variant: 'reencoded-rotated' } });
    const users = await api('admin/show-users', { origin: 'remote', username: 'spreader', hostname: 'spreader.test' });
    expect(users.json).toEqual([expect.objectContaining({ username: 'spreader', host: 'spreader.test', uri: KNOWN_BAD.account.uri })]);
    const notes = await api('users/notes', { userId: users.json[0].id, withFiles: true, limit: 100 });
    expect(notes.json).toHaveLength(1);
    expect(notes.json[0]).toMatchObject({ uri: KNOWN_BAD.post.uri, url: KNOWN_BAD.post.url });
    const [file] = notes.json[0].files;
    expect(file.url).toBe(`${fake.url}/files/${file.id}`);
    const bytes = Buffer.from(await (await fetch(file.url)).arrayBuffer());
    expect(bytes.equals(await knownBadImage('reencoded-rotated'))).toBe(true);
    const shown = await api('admin/drive/show-file', { fileId: file.id });
    expect(shown.json).toMatchObject({ id: file.id, uri: KNOWN_BAD.media.originUrl, isLink: false, userHost: 'spreader.test' });
    // By url Misskey matches url/thumbnailUrl/webpublicUrl, not uri: the cached file is found by its local URL only.
    expect((await api('admin/drive/show-file', { url: KNOWN_BAD.media.originUrl })).json.error.code).toBe('NO_SUCH_FILE');
    expect((await api('admin/drive/show-file', { url: file.url })).json.id).toBe(file.id);
    expect(fake.state.reports.size).toBe(2); // not reported
  });

  it('with reported: true holds one open report whose comment links the local note', async () => {
    fake = await startFakeMisskey({ reports: 0, knownBad: { reported: true } });
    const reports = await api('admin/abuse-user-reports', { state: 'unresolved', limit: 100 });
    expect(reports.json).toHaveLength(1);
    const note = [...fake.state.notes.values()].find((n) => n.uri === KNOWN_BAD.post.uri)!;
    expect(reports.json[0].comment).toContain(KNOWN_BAD.reportComment);
    expect(reports.json[0].comment).toContain(`${fake.url}/notes/${note.id}`);
    expect(reports.json[0].targetUser).toMatchObject({ username: 'spreader', host: 'spreader.test' });
  });

  it('checks the lookup endpoints\' permission kinds and roles', async () => {
    fake = await startFakeMisskey({ reports: 0, knownBad: {}, permissions: ['read:account'] });
    expect((await api('admin/show-users', {})).json.error.code).toBe('PERMISSION_DENIED');
    expect((await api('admin/drive/show-file', { fileId: 'x' })).json.error.code).toBe('PERMISSION_DENIED');
    fake.state.auth.moderator = false;
    expect((await api('admin/drive/show-file', { fileId: 'x' })).json.error.code).toBe('ROLE_PERMISSION_DENIED');
  });

  it('records ap/show and users/show of unknown objects as remote fetches, and resets them', async () => {
    fake = await startFakeMisskey({ reports: 0, knownBad: {} });
    expect((await api('ap/show', { uri: KNOWN_BAD.post.uri })).status).toBe(200); // held: answered from the database
    expect((await api('users/show', { username: 'spreader', host: 'spreader.test' })).status).toBe(200);
    expect(await fetches()).toEqual([]);
    expect((await api('ap/show', { uri: 'https://elsewhere.test/notes/1' })).json.error.code).toBe('NO_SUCH_OBJECT');
    expect((await api('users/show', { username: 'nobody', host: 'elsewhere.test' })).json.error.code).toBe('NO_SUCH_USER');
    expect(await fetches()).toEqual([
      { at: expect.any(String), endpoint: 'POST /api/ap/show', target: 'https://elsewhere.test/notes/1' },
      { at: expect.any(String), endpoint: 'POST /api/users/show', target: 'nobody@elsewhere.test' },
    ]);
    expect((await fetch(`${fake.url}/__fake/reset-remote-fetches`, { method: 'POST' })).status).toBe(200);
    expect(await fetches()).toEqual([]);
  });
});
