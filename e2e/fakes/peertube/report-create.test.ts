/** The fake's POST /api/v1/abuses and GET /api/v1/accounts/{name} answer as PeerTube does, over raw HTTP. */
import { afterEach, describe, expect, it } from 'vitest';
import { startFakePeerTube, type FakePeerTube } from './server';

let fake: FakePeerTube | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function auth(f: FakePeerTube): Promise<Record<string, string>> {
  const client = await (await fetch(`${f.url}/api/v1/oauth-clients/local`)).json();
  const { username, password } = JSON.parse(f.token);
  const res = await fetch(`${f.url}/api/v1/users/token`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...client, grant_type: 'password', username, password }),
  });
  return { authorization: `Bearer ${(await res.json()).access_token}`, 'content-type': 'application/json' };
}

async function post(headers: Record<string, string>, body: unknown) {
  const res = await fetch(`${fake!.url}/api/v1/abuses`, { method: 'POST', headers, body: JSON.stringify(body) });
  const json = await res.json();
  return { status: res.status, detail: json.detail, json };
}

describe('fake PeerTube abuse creation', () => {
  it('validates like abuseReportValidator, files the abuse as the admin and flags remote content once', async () => {
    fake = await startFakePeerTube({ reports: 0 });
    const headers = await auth(fake);
    const video = fake.addReport({ kind: 'video', flagged: 'bob', state: 3 }).video as { id: number };
    expect((await post({ 'content-type': 'application/json' }, { reason: 'Please review', video: { id: video.id } })).status).toBe(401);
    expect(await post(headers, { video: { id: video.id } })).toMatchObject({ status: 400, detail: 'Incorrect request parameters: reason' });
    expect(await post(headers, { reason: 'x', video: { id: video.id } })).toMatchObject({ status: 400, detail: 'Incorrect request parameters: reason' });
    expect(await post(headers, { reason: 'Please review' })).toMatchObject({ status: 400, detail: 'video id or account id or comment id is required.' });
    expect(await post(headers, { reason: 'Please review', video: { id: 'nope' } })).toMatchObject({ status: 400, detail: 'Incorrect request parameters: video.id' });
    expect(await post(headers, { reason: 'Please review', video: { id: 99999 } })).toMatchObject({ status: 404 });
    expect(await post(headers, { reason: 'Please review', predefinedReasons: ['csam'], video: { id: video.id } })).toMatchObject({ status: 400 });
    const ok = await post(headers, { reason: 'Please review', video: { id: video.id } });
    expect(ok).toEqual({ status: 200, detail: undefined, json: { abuse: { id: expect.any(Number) } } });
    const root = [...fake.state.accounts.values()].find((a) => a.name === 'root')!;
    expect(fake.state.abuses.get(ok.json.abuse.id)).toMatchObject({ reporterId: root.id, videoId: video.id, state: 1, reason: 'Please review' });
    expect(fake.state.flagsSent).toEqual([expect.objectContaining({ abuseId: ok.json.abuse.id, host: 'remote.example' })]);
  });

  it('refuses a report on the admin\'s own video (403) and serves accounts by handle without fetching', async () => {
    fake = await startFakePeerTube({ reports: 0 });
    const headers = await auth(fake);
    const root = [...fake.state.accounts.values()].find((a) => a.name === 'root')!;
    fake.state.videos.set(9000, { id: 9000, uuid: '00000000-0000-4000-a000-000000009000', name: 'mine', accountId: root.id, nsfw: false, imageSeed: 1, deleted: false });
    expect(await post(headers, { reason: 'Please review', video: { id: 9000 } })).toMatchObject({ status: 403 });
    const bob = await (await fetch(`${fake.url}/api/v1/accounts/${encodeURIComponent('bob@remote.example')}`)).json();
    const alice = await (await fetch(`${fake.url}/api/v1/accounts/${encodeURIComponent(`alice@${new URL(fake.url).host}`)}`)).json();
    expect([bob.name, bob.host, alice.name]).toEqual(['bob', 'remote.example', 'alice']);
    expect((await fetch(`${fake.url}/api/v1/accounts/nobody@remote.example`)).status).toBe(404);
    expect(fake.state.remoteFetches).toEqual([]);
  });
});
