import { afterEach, describe, expect, it } from 'vitest';
import { startFakePeerTube, type FakePeerTube } from './server';

let fake: FakePeerTube | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function signIn(f: FakePeerTube): Promise<{ access_token: string; refresh_token: string }> {
  const client = await (await fetch(`${f.url}/api/v1/oauth-clients/local`)).json();
  const { username, password } = JSON.parse(f.token);
  const res = await fetch(`${f.url}/api/v1/users/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...client, grant_type: 'password', username, password }),
  });
  expect(res.status).toBe(200);
  return res.json();
}

const control = (f: FakePeerTube, path: string, body: unknown) =>
  fetch(`${f.url}/__fake/${path}`, { method: 'POST', body: JSON.stringify(body) }).then((r) => r.json());

describe('fake PeerTube', () => {
  it('answers NodeInfo as peertube', async () => {
    fake = await startFakePeerTube({ reports: 1, version: '7.0.0' });
    const links = await (await fetch(`${fake.url}/.well-known/nodeinfo`)).json();
    const info = await (await fetch(links.links[0].href)).json();
    expect(info.software).toEqual({ name: 'peertube', version: '7.0.0' });
  });

  it('is deterministic for a seed', async () => {
    const a = await startFakePeerTube({ reports: 10, seed: 7 });
    const b = await startFakePeerTube({ reports: 10, seed: 7 });
    const shape = (f: FakePeerTube) => [...f.state.abuses.values()].map((x) => [x.state, x.reason, x.predefinedReasons, x.videoId, x.commentId]);
    expect(shape(a)).toEqual(shape(b));
    await a.close();
    await b.close();
  });

  it('issues tokens by password grant, refreshes, and refuses bad ones with problem+json', async () => {
    fake = await startFakePeerTube({ reports: 3 });
    const first = await signIn(fake);
    const ok = await fetch(`${fake.url}/api/v1/abuses?count=1`, { headers: { authorization: `Bearer ${first.access_token}` } });
    expect(await ok.json()).toMatchObject({ total: 3, data: [expect.objectContaining({ state: expect.objectContaining({ id: expect.any(Number) }) })] });
    const anon = await fetch(`${fake.url}/api/v1/abuses`);
    expect(anon.status).toBe(401);
    expect(anon.headers.get('content-type')).toContain('application/problem+json');
    expect(await anon.json()).toMatchObject({ status: 401, title: 'Unauthorized', detail: 'Invalid token: access token is invalid' });
    expect(fake.state.records.map((r) => r.body)).toEqual([{ grant_type: 'password' }]); // no password kept
  });

  it('serves synthetic thumbnails and previews for reported videos', async () => {
    fake = await startFakePeerTube({ reports: 0 });
    const abuse = fake.addReport({ kind: 'video' });
    const video = abuse.video as { thumbnailPath: string; previewPath: string };
    const [thumb, preview] = await Promise.all([fetch(fake.url + video.thumbnailPath), fetch(fake.url + video.previewPath)]);
    expect(thumb.headers.get('content-type')).toBe('image/jpeg');
    const [t, p] = [Buffer.from(await thumb.arrayBuffer()), Buffer.from(await preview.arrayBuffer())];
    expect(t.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(t.equals(p)).toBe(false);
  });

  it('drives rate limits, malformed items, auth and state through the control API', async () => {
    fake = await startFakePeerTube({ reports: 2 });
    const { access_token } = await signIn(fake);
    const auth = { authorization: `Bearer ${access_token}` };
    await control(fake, 'rate-limit', { remaining: 0, times: 1 });
    const limited = await fetch(`${fake.url}/api/v1/abuses`, { headers: auth });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const id = [...fake.state.abuses.keys()][0];
    await control(fake, 'malformed', { abuseId: id, kind: 'missing_account' });
    const list = await (await fetch(`${fake.url}/api/v1/abuses?id=${id}`, { headers: auth })).json();
    expect(list.data[0].flaggedAccount).toBeUndefined();
    expect(await control(fake, 'auth', { role: 2 })).toEqual({ role: 2 });
    expect((await fetch(`${fake.url}/api/v1/abuses`, { headers: auth })).status).toBe(403);
    const added = await control(fake, 'reports', { kind: 'comment', state: 1 });
    expect(added.comment).toMatchObject({ text: expect.any(String) });
    const state = await (await fetch(`${fake.url}/__fake/state`)).json();
    expect(state).toMatchObject({ abuses: { total: 3 }, role: 2, malformed: { [id]: 'missing_account' } });
    expect((await (await fetch(`${fake.url}/__fake/records`)).json()).length).toBe(1);
  });
});
