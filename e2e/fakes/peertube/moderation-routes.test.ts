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
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...client, grant_type: 'password', username, password }),
  });
  return { authorization: `Bearer ${(await res.json()).access_token}` };
}

const json = (auth: Record<string, string>) => ({ ...auth, 'content-type': 'application/json' });

/** A video reported in a new abuse, owned by a local (alice) or remote (bob@remote.example) account. */
function videoOf(f: FakePeerTube, flagged: 'alice' | 'bob'): { id: number; uuid: string } {
  return f.addReport({ kind: 'video', flagged }).video as { id: number; uuid: string };
}

describe('fake PeerTube: abuse moderation comment', () => {
  it('keeps the comment, serializes it in abuses, and records every PUT', async () => {
    fake = await startFakePeerTube({ reports: 0 });
    const auth = await staffAuth(fake);
    const id = fake.addReport({ state: 1, moderationComment: 'Alice: first look' }).id as number;
    const put = await fetch(`${fake.url}/api/v1/abuses/${id}`, {
      method: 'PUT', headers: json(auth), body: JSON.stringify({ moderationComment: 'Alice: first look\n\nBob: more', state: 2 }),
    });
    expect(put.status).toBe(204);
    const list = await (await fetch(`${fake.url}/api/v1/abuses?id=${id}`, { headers: auth })).json();
    expect(list.data[0]).toMatchObject({ moderationComment: 'Alice: first look\n\nBob: more', state: { id: 2, label: 'Rejected' } });
    expect(fake.state.records.at(-1)).toMatchObject({ method: 'PUT', path: `/api/v1/abuses/${id}`, status: 204 });
  });

  it('answers 400 problem+json for a comment over 3000 characters (or under 2), leaving the abuse unchanged', async () => {
    fake = await startFakePeerTube({ reports: 0 });
    const auth = await staffAuth(fake);
    const id = fake.addReport({ state: 1, moderationComment: 'keep me' }).id as number;
    for (const moderationComment of ['x'.repeat(3001), 'x', 42]) {
      const res = await fetch(`${fake.url}/api/v1/abuses/${id}`, { method: 'PUT', headers: json(auth), body: JSON.stringify({ moderationComment, state: 3 }) });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const body = await res.json();
      expect(body).toMatchObject({
        status: 400, title: 'Bad Request', detail: 'Incorrect request parameters: moderationComment',
        'invalid-params': { moderationComment: { location: 'body', msg: 'Invalid value', param: 'moderationComment' } },
      });
    }
    expect(fake.state.abuses.get(id)).toMatchObject({ state: 1, moderationComment: 'keep me' });
    // 3000 code points fit, even when some are emoji (two UTF-16 units each).
    const max = `${'😀'.repeat(10)}${'x'.repeat(2990)}`;
    const ok = await fetch(`${fake.url}/api/v1/abuses/${id}`, { method: 'PUT', headers: json(auth), body: JSON.stringify({ moderationComment: max }) });
    expect(ok.status).toBe(204);
    expect(fake.state.records.map((r) => r.status)).toEqual([200, 400, 400, 400, 204]);
  });
});

describe('fake PeerTube: video block list', () => {
  it('blocks with reason and unfederate, lists the block, shows it on the video and in abuses, unblocks', async () => {
    fake = await startFakePeerTube({ reports: 0 });
    const auth = await staffAuth(fake);
    const video = videoOf(fake, 'alice');
    const post = await fetch(`${fake.url}/api/v1/videos/${video.id}/blacklist`, {
      method: 'POST', headers: json(auth), body: JSON.stringify({ reason: 'Copyright', unfederate: true }),
    });
    expect(post.status).toBe(204);

    const list = await (await fetch(`${fake.url}/api/v1/videos/blacklist`, { headers: auth })).json();
    expect(list).toMatchObject({
      total: 1,
      data: [{ reason: 'Copyright', unfederated: true, type: 1, video: { id: video.id, uuid: video.uuid, isLocal: true }, createdAt: expect.any(String) }],
    });
    expect(list.data[0].video.blacklisted).toBeUndefined(); // the plain Video, without blacklistInfo
    const details = await (await fetch(`${fake.url}/api/v1/videos/${video.uuid}`, { headers: auth })).json();
    expect(details).toMatchObject({ id: video.id, isLocal: true, blacklisted: true, blacklistedReason: 'Copyright' });
    const abuses = await (await fetch(`${fake.url}/api/v1/abuses`, { headers: auth })).json();
    expect(abuses.data[0].video.blacklisted).toBe(true);

    const del = await fetch(`${fake.url}/api/v1/videos/${video.id}/blacklist`, { method: 'DELETE', headers: auth });
    expect(del.status).toBe(204);
    expect((await (await fetch(`${fake.url}/api/v1/videos/blacklist`, { headers: auth })).json()).total).toBe(0);
    expect(fake.state.records.slice(1).map((r) => [r.method, r.path, r.body, r.status])).toEqual([
      ['POST', `/api/v1/videos/${video.id}/blacklist`, { reason: 'Copyright', unfederate: true }, 204],
      ['DELETE', `/api/v1/videos/${video.id}/blacklist`, {}, 204],
    ]);
    expect(fake.state.summary().blacklistedVideos).toEqual([]);
  });

  it('answers like PeerTube for bad input, remote unfederate, a second block, a missing block or video', async () => {
    fake = await startFakePeerTube({ reports: 0 });
    const auth = await staffAuth(fake);
    const local = videoOf(fake, 'alice');
    const remote = videoOf(fake, 'bob');
    const post = (id: number, body: unknown) =>
      fetch(`${fake!.url}/api/v1/videos/${id}/blacklist`, { method: 'POST', headers: json(auth), body: JSON.stringify(body) });
    const problem = async (res: Response) => ({ status: res.status, detail: (await res.json()).detail });

    expect(await problem(await post(local.id, { reason: 'r'.repeat(301) }))).toEqual({ status: 400, detail: 'Incorrect request parameters: reason' });
    expect(await problem(await post(local.id, { unfederate: 'maybe' }))).toEqual({ status: 400, detail: 'Incorrect request parameters: unfederate' });
    expect(await problem(await post(remote.id, { unfederate: true }))).toEqual({ status: 409, detail: 'You cannot unfederate a remote video.' });
    expect(await problem(await post(424242, {}))).toEqual({ status: 404, detail: 'Video not found' });
    expect((await post(remote.id, {})).status).toBe(204);
    expect(await problem(await post(remote.id, {}))).toEqual({ status: 500, detail: 'Validation error' });
    const unblock = await fetch(`${fake.url}/api/v1/videos/${local.id}/blacklist`, { method: 'DELETE', headers: auth });
    expect(await problem(unblock)).toEqual({ status: 404, detail: 'Blacklisted video not found' });
    expect(fake.state.videoBlocks.get(remote.id)).toMatchObject({ unfederated: false, reason: null });
    // Every write is recorded, refused or not.
    expect(fake.state.records.slice(1).map((r) => r.status)).toEqual([400, 400, 409, 404, 204, 500, 404]);
  });

  it('shows a blocked video to moderators only, and keeps the block list to moderators', async () => {
    fake = await startFakePeerTube({ reports: 0 });
    const auth = await staffAuth(fake);
    const video = videoOf(fake, 'alice');
    expect((await fetch(`${fake.url}/api/v1/videos/${video.id}`)).status).toBe(200); // public while not blocked
    fake.state.blockVideo(video.id, { reason: 'spam' });
    expect((await fetch(`${fake.url}/api/v1/videos/${video.id}`)).status).toBe(403);
    expect((await fetch(`${fake.url}/api/v1/videos/${video.id}`, { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    expect((await fetch(`${fake.url}/api/v1/videos/${video.id}`, { headers: auth })).status).toBe(200);
    fake.state.auth.role = 2;
    expect((await fetch(`${fake.url}/api/v1/videos/${video.id}`, { headers: auth })).status).toBe(403);
    expect((await fetch(`${fake.url}/api/v1/videos/blacklist`, { headers: auth })).status).toBe(403);
    expect((await fetch(`${fake.url}/api/v1/videos/${video.id}/blacklist`, { method: 'DELETE', headers: auth })).status).toBe(403);
  });

  it('filters and pages the block list, and drops the block of a deleted video', async () => {
    fake = await startFakePeerTube({ reports: 0 });
    const auth = await staffAuth(fake);
    const videos = [videoOf(fake, 'alice'), videoOf(fake, 'alice'), videoOf(fake, 'bob')];
    fake.state.blockVideo(videos[0].id, { type: 1 });
    fake.state.blockVideo(videos[1].id, { type: 2, unfederated: true });
    fake.state.blockVideo(videos[2].id, { type: 1 });
    const get = async (q: string) => (await fetch(`${fake!.url}/api/v1/videos/blacklist${q}`, { headers: auth })).json();
    expect((await get('')).data.map((b: { video: { id: number } }) => b.video.id)).toEqual([videos[2].id, videos[1].id, videos[0].id]);
    expect(await get('?type=2')).toMatchObject({ total: 1, data: [{ type: 2, video: { id: videos[1].id } }] });
    expect(await get('?start=1&count=1&sort=id')).toMatchObject({ total: 3, data: [{ video: { id: videos[1].id } }] });
    expect((await get('?type=9')).detail).toBe('Incorrect request parameters: type');
    expect((await get('?sort=bogus')).detail).toBe('Incorrect request parameters: sort');
    await fetch(`${fake.url}/api/v1/videos/${videos[0].id}`, { method: 'DELETE', headers: auth });
    expect((await get('')).total).toBe(2);
  });
});
