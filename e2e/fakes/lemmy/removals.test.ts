/**
 * Removals on the fake Lemmy really remove (contracts §3): what a purge, a removal or a person purge leaves
 * behind at the public URLs (pict-rs image, post page) and in the lookups, the keep-serving switch, and the log
 * of removal calls. Driven over HTTP with a JWT, as the connector drives it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { KNOWN_BAD, knownBadImage } from '../federation/known-bad';
import { startFakeLemmy, type FakeLemmy } from './server';

let fake: FakeLemmy | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

const V4 = '1.0.0-beta.1';

async function post(f: FakeLemmy, path: string, body: unknown) {
  const res = await fetch(f.url + path, {
    method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${f.issueJwt()}` },
  });
  return { status: res.status, json: await res.json() };
}
const status = async (url: string) => (await fetch(url)).status;
const bytes = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());
const control = (f: FakeLemmy, path: string, body?: unknown) =>
  fetch(`${f.url}/__fake/${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }).then((r) => r.json());

function knownBadPost(f: FakeLemmy) {
  const p = [...f.state.posts.values()].find((x) => x.apId === KNOWN_BAD.post.uri)!;
  return { id: p.id, creatorId: p.creatorId, thumb: p.thumbnailUrl!, page: `${f.url}/post/${p.id}` };
}
/** The copy lookup the connector makes: 0.19 search type Url, 1.0 anonymous v4 search by file URL. */
async function foundByFileUrl(f: FakeLemmy, url: string = KNOWN_BAD.media.originUrl): Promise<number> {
  const query: Record<string, string> = f.state.servesV4 ? { search_term: url, type_: 'posts', post_url_only: 'true' } : { q: url, type_: 'Url' };
  const res = await fetch(`${f.url}/api/${f.state.servesV4 ? 'v4' : 'v3'}/search?${new URLSearchParams(query)}`);
  return ((await res.json()) as { posts: unknown[] }).posts.length;
}

describe.each([['0.19', '0.19.9'], ['1.0', V4]])('fake lemmy %s removals', (_label, version) => {
  const api = version === V4 ? 'v4' : 'v3';
  const purgeBody = (key: string, id: number) => ({ [key]: id, reason: 'test' });

  it('purge post: the post page and the pict-rs thumbnail 404, the lookup stops finding it, the call is logged once', async () => {
    fake = await startFakeLemmy({ reports: 0, version, knownBad: {} });
    const kb = knownBadPost(fake);
    expect(await status(kb.thumb)).toBe(200);
    expect(await status(kb.page)).toBe(200);
    expect(await foundByFileUrl(fake)).toBe(1);
    expect((await post(fake, `/api/${api}/admin/purge/post`, purgeBody('post_id', kb.id))).status).toBe(200);
    expect(await status(kb.thumb)).toBe(404);
    expect(await status(kb.page)).toBe(404);
    expect(await foundByFileUrl(fake)).toBe(0);
    const calls = await control(fake, 'destructive-calls');
    expect(calls).toEqual([{ method: 'POST', path: `/api/${api}/admin/purge/post`, at: expect.any(String) }]);
    await control(fake, 'reset-destructive-calls', {});
    expect(await control(fake, 'destructive-calls')).toEqual([]);
  });

  it('keep-serving: a purged image is served on with the same bytes until it is switched off', async () => {
    fake = await startFakeLemmy({ reports: 0, version, knownBad: {} });
    const kb = knownBadPost(fake);
    expect(await control(fake, 'keep-serving', { on: true })).toEqual({ on: true });
    await post(fake, `/api/${api}/admin/purge/post`, purgeBody('post_id', kb.id));
    expect(await bytes(kb.thumb)).toEqual(await knownBadImage('original'));
    expect(await status(kb.page)).toBe(404); // the page is the server's own, not the cache's
    await control(fake, 'keep-serving', { on: false });
    expect(await status(kb.thumb)).toBe(404);
  });

  it('remove post: hidden from the page and the lookup, but its image stays in pict-rs', async () => {
    fake = await startFakeLemmy({ reports: 0, version });
    const r = fake.addReport({ type: 'post', withImage: true });
    const p = fake.state.posts.get((r.post_report as { post_id: number } | undefined)?.post_id ?? [...fake.state.posts.keys()].at(-1)!)!;
    const image = p.url!;
    expect(await foundByFileUrl(fake, image)).toBe(1);
    expect((await post(fake, `/api/${api}/post/remove`, { post_id: p.id, removed: true, reason: 'test' })).status).toBe(200);
    expect(await status(image)).toBe(200);
    expect(await status(`${fake.url}/post/${p.id}`)).toBe(404);
    expect(await foundByFileUrl(fake, image)).toBe(0);
  });

  it('purge person: a local person\'s uploads 404; their posts are permadeleted and no longer found', async () => {
    fake = await startFakeLemmy({ reports: 0, version });
    const r = fake.addReport({ type: 'post', withImage: true, targetId: 2 });
    const p = [...fake.state.posts.values()].find((x) => x.creatorId === 2 && x.url)!;
    expect(r).toBeTruthy();
    const image = p.url!;
    expect((await post(fake, `/api/${api}/admin/purge/person`, purgeBody('person_id', 2))).status).toBe(200);
    expect(await status(image)).toBe(404);
    expect(await status(`${fake.url}/post/${p.id}`)).toBe(404);
  });

  it(`purge person of the remote poster: the post is gone from the lookup; its pict-rs thumbnail ${version === V4 ? 'goes too (1.0)' : 'STAYS (0.19)'}`, async () => {
    fake = await startFakeLemmy({ reports: 0, version, knownBad: {} });
    const kb = knownBadPost(fake);
    expect((await post(fake, `/api/${api}/admin/purge/person`, purgeBody('person_id', kb.creatorId))).status).toBe(200);
    expect(await foundByFileUrl(fake)).toBe(0);
    expect(await status(kb.page)).toBe(404);
    expect(await status(kb.thumb)).toBe(version === V4 ? 404 : 200);
  });
});
