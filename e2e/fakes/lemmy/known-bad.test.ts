/** The fake Lemmy's known-bad copy, its lookup endpoints (v3 and v4) and its trap endpoints (remote fetches). */
import { afterEach, describe, expect, it } from 'vitest';
import { KNOWN_BAD, knownBadImage } from '../federation/known-bad';
import { startFakeLemmy, type FakeLemmy } from './server';

let fake: FakeLemmy | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function get(f: FakeLemmy, path: string, query: Record<string, string>, jwt?: string) {
  const res = await fetch(`${f.url}${path}?${new URLSearchParams(query)}`, { headers: jwt ? { Authorization: `Bearer ${jwt}` } : {} });
  return { status: res.status, json: await res.json() };
}
const fetches = async (f: FakeLemmy) => (await fetch(`${f.url}/__fake/remote-fetches`)).json();

describe('fake lemmy: known-bad copy', () => {
  it('holds the federated post as Lemmy records it, reported, with its cached file served locally', async () => {
    fake = await startFakeLemmy({ reports: 2, knownBad: { reported: true, variant: 'reencoded-rotated' } });
    const { json } = await get(fake, '/api/v3/search', { q: KNOWN_BAD.media.originUrl, type_: 'Url' });
    expect(json.posts).toHaveLength(1);
    const { post, creator } = json.posts[0];
    expect(post).toMatchObject({ ap_id: KNOWN_BAD.post.uri, url: KNOWN_BAD.media.originUrl, local: false });
    expect(creator).toMatchObject({ name: 'spreader', actor_id: KNOWN_BAD.account.uri, local: false });
    const file = await fetch(post.thumbnail_url);
    expect(file.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await file.arrayBuffer())).toEqual(await knownBadImage('reencoded-rotated'));
    const open = [...fake.state.reports.values()].filter((r) => r.reason === KNOWN_BAD.reportComment && !r.resolved);
    expect(open).toHaveLength(1);
  });

  it('0.19 search: type_=Url matches post.url exactly, text searches the title, bad types are 400', async () => {
    fake = await startFakeLemmy({ reports: 0, knownBad: {} });
    expect((await get(fake, '/api/v3/search', { q: `${KNOWN_BAD.media.originUrl}x`, type_: 'Url' })).json.posts).toEqual([]);
    expect((await get(fake, '/api/v3/search', { q: 'known-bad test', type_: 'Posts' })).json.posts).toHaveLength(1);
    expect((await get(fake, '/api/v3/search', { q: 'x', type_: 'url' })).status).toBe(400);
    expect((await get(fake, '/api/v4/search', { search_term: 'x' })).status).toBe(404); // 0.19 has no v4
  });

  it('1.0 search: anonymous resolve reads the database only; logged in, an unknown URL is a remote fetch', async () => {
    fake = await startFakeLemmy({ reports: 0, version: '1.0.0', knownBad: {} });
    const anon = await get(fake, '/api/v4/search', { search_term: KNOWN_BAD.post.uri, type_: 'posts', post_url_only: 'true' });
    expect(anon.json.resolve).toMatchObject({ type_: 'post', post: { ap_id: KNOWN_BAD.post.uri } });
    const byUrl = await get(fake, '/api/v4/search', { search_term: KNOWN_BAD.media.originUrl, type_: 'posts', post_url_only: 'true' });
    expect(byUrl.json.posts).toHaveLength(1);
    await get(fake, '/api/v4/search', { search_term: 'https://elsewhere.test/post/1' });
    expect(await fetches(fake)).toEqual([]);
    await get(fake, '/api/v4/search', { search_term: 'https://elsewhere.test/post/1' }, fake.issueJwt());
    expect(await fetches(fake)).toEqual([expect.objectContaining({ endpoint: 'GET /api/v4/search', target: 'https://elsewhere.test/post/1' })]);
  });

  it('traps: resolve_object and name@host user lookups record a remote fetch when logged in; reset clears them', async () => {
    fake = await startFakeLemmy({ reports: 0, version: '1.0.0', knownBad: {} });
    const jwt = fake.issueJwt();
    expect((await get(fake, '/api/v3/resolve_object', { q: KNOWN_BAD.post.uri }, jwt)).json.post.post.ap_id).toBe(KNOWN_BAD.post.uri);
    expect((await get(fake, '/api/v3/resolve_object', { q: 'https://elsewhere.test/p/2' }, jwt)).status).toBe(400);
    expect((await get(fake, '/api/v4/resolve_object', { q: 'https://elsewhere.test/p/3' }, jwt)).status).toBe(400);
    expect((await get(fake, '/api/v3/user', { username: 'spreader@spreader.test' }, jwt)).status).toBe(200);
    expect((await get(fake, '/api/v3/user', { username: 'nobody@elsewhere.test' }, jwt)).status).toBe(400);
    expect((await get(fake, '/api/v4/person', { username: 'nobody@elsewhere.test' }, jwt)).status).toBe(404);
    expect((await get(fake, '/api/v3/user', { username: 'nobody@elsewhere.test' })).status).toBe(400); // anonymous: no webfinger
    expect((await fetches(fake)).map((r: { endpoint: string }) => r.endpoint)).toEqual([
      'GET /api/v3/resolve_object', 'GET /api/v4/resolve_object', 'GET /api/v3/user', 'GET /api/v4/person',
    ]);
    await fetch(`${fake.url}/__fake/reset-remote-fetches`, { method: 'POST' });
    expect(await fetches(fake)).toEqual([]);
  });
});
