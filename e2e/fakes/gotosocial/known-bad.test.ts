import { afterEach, describe, expect, it } from 'vitest';
import { KNOWN_BAD, knownBadImage } from '../federation/known-bad';
import { startFakeGoToSocial, type FakeGoToSocial } from './server';

let fake: FakeGoToSocial | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

const api = async (f: FakeGoToSocial, path: string) =>
  fetch(`${f.url}${path}`, { headers: { Authorization: `Bearer ${f.token}` } });
const json = async (f: FakeGoToSocial, path: string) => (await api(f, path)).json();
const q = encodeURIComponent;

describe('fake GoToSocial: the known-bad federated copy', () => {
  it('search resolve=false finds the post by URI and by URL, serves its file, and fetches nothing', async () => {
    fake = await startFakeGoToSocial({ reports: 5, knownBad: { reported: true } });
    for (const target of [KNOWN_BAD.post.uri, KNOWN_BAD.post.url]) {
      const found = await json(fake, `/api/v2/search?q=${q(target)}&resolve=false&type=statuses`);
      expect(found.statuses.map((s: { uri: string; url: string }) => [s.uri, s.url])).toEqual([[KNOWN_BAD.post.uri, KNOWN_BAD.post.url]]);
    }
    const [status] = (await json(fake, `/api/v2/search?q=${q(KNOWN_BAD.post.uri)}`)).statuses;
    expect(status.account.acct).toBe(KNOWN_BAD.account.acct);
    const [media] = status.media_attachments;
    expect(media.remote_url).toBe(KNOWN_BAD.media.originUrl);
    expect(media.url.startsWith(`${fake.url}/fileserver/`)).toBe(true);
    const file = await fetch(media.url);
    expect(Buffer.from(await file.arrayBuffer()).equals(await knownBadImage())).toBe(true);
    const reports = await json(fake, '/api/v1/admin/reports?limit=100');
    const mine = reports.filter((r: { comment: string }) => r.comment === KNOWN_BAD.reportComment);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ action_taken: false, statuses: [{ uri: KNOWN_BAD.post.uri }] });
    expect(fake.state.remoteFetches).toEqual([]);
  });

  it('accounts/lookup never resolves: the account when held, 404 when not', async () => {
    fake = await startFakeGoToSocial({ reports: 5, knownBad: {} });
    expect(await json(fake, `/api/v1/accounts/lookup?acct=${q(KNOWN_BAD.account.acct)}`)).toMatchObject({ acct: KNOWN_BAD.account.acct });
    const res = await api(fake, `/api/v1/accounts/lookup?acct=${q('nobody@elsewhere.test')}`);
    expect(res.status).toBe(404);
    expect(fake.state.remoteFetches).toEqual([]);
  });

  it('without knownBad, resolve=false finds nothing; resolve=true records the fetch (trap)', async () => {
    fake = await startFakeGoToSocial({ reports: 5 });
    expect(await json(fake, `/api/v2/search?q=${q(KNOWN_BAD.post.uri)}&resolve=false`)).toEqual({ accounts: [], statuses: [], hashtags: [] });
    expect(fake.state.remoteFetches).toEqual([]);
    await api(fake, `/api/v2/search?q=${q(KNOWN_BAD.post.uri)}&resolve=true`);
    await api(fake, `/api/v2/search?q=${q(`@${KNOWN_BAD.account.acct}`)}&resolve=true`);
    const fetches = await (await fetch(`${fake.url}/__fake/remote-fetches`)).json();
    expect(fetches.map((f: { target: string }) => f.target)).toEqual([KNOWN_BAD.post.uri, KNOWN_BAD.account.acct]);
    await fetch(`${fake.url}/__fake/reset-remote-fetches`, { method: 'POST' });
    expect(fake.state.remoteFetches).toEqual([]);
  });

  it('search is rate limited and needs read:search', async () => {
    fake = await startFakeGoToSocial({ reports: 5, rateLimit: { limit: 1, windowMs: 60_000 } });
    expect((await api(fake, `/api/v2/search?q=x`)).status).toBe(200);
    expect((await api(fake, `/api/v2/search?q=x`)).status).toBe(429);
    await fake.close();
    fake = await startFakeGoToSocial({ reports: 5, scopes: ['admin'] });
    expect((await api(fake, `/api/v2/search?q=x`)).status).toBe(403);
  });
});
