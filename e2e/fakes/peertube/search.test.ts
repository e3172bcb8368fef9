/** The fake PeerTube's video search: DB search by UUID or name, the URL-search trap, and the remote-fetch control routes. */
import { afterEach, describe, expect, it } from 'vitest';
import { startFakePeerTube, type FakePeerTube } from './server';

let fake: FakePeerTube | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function token(f: FakePeerTube): Promise<string> {
  return f.state.issueTokens().access_token;
}

async function search(f: FakePeerTube, params: Record<string, string>, bearer?: string) {
  const res = await fetch(`${f.url}/api/v1/search/videos?${new URLSearchParams(params)}`, { headers: bearer ? { Authorization: `Bearer ${bearer}` } : {} });
  return { status: res.status, json: await res.json() };
}
const fetches = async (f: FakePeerTube) => (await fetch(`${f.url}/__fake/remote-fetches`)).json();

describe('fake peertube: video search', () => {
  it('finds a video by exact UUID or by name, and hides blocked videos', async () => {
    fake = await startFakePeerTube({ reports: 6, knownBad: { reported: true } });
    const [v, w] = [...fake.state.videos.values()];
    expect((await search(fake, { search: v.uuid, searchTarget: 'local' })).json.data.map((x: { id: number }) => x.id)).toEqual([v.id]);
    expect((await search(fake, { search: v.name })).json.data.map((x: { id: number }) => x.id)).toContain(v.id);
    fake.state.blockVideo(w.id);
    expect((await search(fake, { search: w.uuid })).json.total).toBe(0);
    expect((await search(fake, { search: v.uuid, searchTarget: 'search-index' })).status).toBe(400);
    // knownBad is accepted and holds nothing: PeerTube cannot hold an image post.
    expect((await search(fake, { search: 'known-bad' })).json.total).toBe(0);
  });

  it('a URL search is a remote fetch when logged in, a local lookup when anonymous; reset clears the records', async () => {
    fake = await startFakePeerTube({ reports: 2 });
    const v = [...fake.state.videos.values()][0];
    expect((await search(fake, { search: `${fake.url}/videos/watch/${v.uuid}` })).json.total).toBe(1);
    expect((await search(fake, { search: 'https://elsewhere.test/w/abc' })).json.total).toBe(0);
    expect(await fetches(fake)).toEqual([]);
    await search(fake, { search: 'https://elsewhere.test/w/abc' }, await token(fake));
    expect(await fetches(fake)).toEqual([expect.objectContaining({ endpoint: 'GET /api/v1/search/videos', target: 'https://elsewhere.test/w/abc' })]);
    await fetch(`${fake.url}/__fake/reset-remote-fetches`, { method: 'POST' });
    expect(await fetches(fake)).toEqual([]);
  });
});
