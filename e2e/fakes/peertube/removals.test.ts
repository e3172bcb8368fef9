/**
 * Removals on the fake PeerTube really remove (contracts §3): a deleted video's thumbnail, preview and watch page
 * 404 and the UUID search stops finding it; a block hides the page but keeps the files; keep-serving; the log of
 * removal calls.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startFakePeerTube, type FakePeerTube } from './server';

let fake: FakePeerTube | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function staffAuth(f: FakePeerTube): Promise<Record<string, string>> {
  const client = await (await fetch(`${f.url}/api/v1/oauth-clients/local`)).json();
  const { username, password } = JSON.parse(f.token);
  const res = await fetch(`${f.url}/api/v1/users/token`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...client, grant_type: 'password', username, password }),
  });
  return { authorization: `Bearer ${(await res.json()).access_token}`, 'content-type': 'application/json' };
}
const control = (f: FakePeerTube, path: string, body?: unknown) =>
  fetch(`${f.url}/__fake/${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }).then((r) => r.json());
const status = async (url: string) => (await fetch(url)).status;

function videoUrls(f: FakePeerTube) {
  const v = f.addReport({ kind: 'video', flagged: 'bob' }).video as { id: number; uuid: string };
  return {
    ...v, thumb: `${f.url}/lazy-static/thumbnails/${v.uuid}.jpg`, preview: `${f.url}/lazy-static/previews/${v.uuid}.jpg`, page: `${f.url}/w/${v.uuid}`,
  };
}
const found = async (f: FakePeerTube, uuid: string) =>
  ((await (await fetch(`${f.url}/api/v1/search/videos?${new URLSearchParams({ search: uuid, searchTarget: 'local' })}`)).json()) as { total: number }).total;

describe('fake peertube removals', () => {
  it('video delete: thumbnail, preview and watch page 404, the UUID search stops finding it, the call is logged', async () => {
    fake = await startFakePeerTube({ reports: 0 });
    const v = videoUrls(fake);
    for (const url of [v.thumb, v.preview, v.page]) expect(await status(url)).toBe(200);
    expect(await found(fake, v.uuid)).toBe(1);
    const auth = await staffAuth(fake);
    expect((await fetch(`${fake.url}/api/v1/videos/${v.id}`, { method: 'DELETE', headers: auth })).status).toBe(204);
    for (const url of [v.thumb, v.preview, v.page, `${fake.url}/videos/watch/${v.uuid}`]) expect(await status(url)).toBe(404);
    expect(await found(fake, v.uuid)).toBe(0);
    expect(await control(fake, 'destructive-calls')).toEqual([{ method: 'DELETE', path: `/api/v1/videos/${v.id}`, at: expect.any(String) }]);
    await control(fake, 'reset-destructive-calls', {});
    expect(await control(fake, 'destructive-calls')).toEqual([]);
  });

  it('video block: the page and the search hide it, the files stay (the block can be lifted)', async () => {
    fake = await startFakePeerTube({ reports: 0 });
    const v = videoUrls(fake);
    const auth = await staffAuth(fake);
    expect((await fetch(`${fake.url}/api/v1/videos/${v.id}/blacklist`, { method: 'POST', headers: auth, body: '{}' })).status).toBe(204);
    expect(await status(v.page)).toBe(404);
    expect(await found(fake, v.uuid)).toBe(0);
    expect(await status(v.thumb)).toBe(200);
  });

  it('keep-serving: a deleted video\'s thumbnail is served on with the same bytes until switched off', async () => {
    fake = await startFakePeerTube({ reports: 0 });
    const v = videoUrls(fake);
    const before = Buffer.from(await (await fetch(v.thumb)).arrayBuffer());
    expect(await control(fake, 'keep-serving', { on: true })).toEqual({ on: true });
    await fetch(`${fake.url}/api/v1/videos/${v.id}`, { method: 'DELETE', headers: await staffAuth(fake) });
    expect(Buffer.from(await (await fetch(v.thumb)).arrayBuffer())).toEqual(before);
    expect(await status(v.page)).toBe(404);
    await control(fake, 'keep-serving', { on: false });
    expect(await status(v.thumb)).toBe(404);
  });
});
