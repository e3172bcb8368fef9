import { afterEach, describe, expect, it } from 'vitest';
import { KNOWN_BAD, knownBadImage } from '../federation/known-bad';
import { startFakeMastodon, type FakeMastodon } from './server';

let fake: FakeMastodon | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

const api = async (f: FakeMastodon, path: string) =>
  fetch(`${f.url}${path}`, { headers: { Authorization: `Bearer ${f.token}` } });
const json = async (f: FakeMastodon, path: string) => (await api(f, path)).json();
const q = encodeURIComponent;

describe('fake Mastodon: the known-bad federated copy', () => {
  it('holds the remote account, the post with the origin uri/url, and serves its cached file', async () => {
    fake = await startFakeMastodon({ reports: 5, knownBad: { reported: true } });
    const account = await json(fake, `/api/v1/accounts/lookup?acct=${q(KNOWN_BAD.account.acct)}`);
    expect(account).toMatchObject({ acct: KNOWN_BAD.account.acct, url: KNOWN_BAD.account.url, uri: KNOWN_BAD.account.uri });
    const statuses = await json(fake, `/api/v1/accounts/${account.id}/statuses?only_media=true`);
    expect(statuses).toHaveLength(1);
    const [status] = statuses;
    expect(status).toMatchObject({ uri: KNOWN_BAD.post.uri, url: KNOWN_BAD.post.url, visibility: 'public' });
    const [media] = status.media_attachments;
    expect(media).toMatchObject({ type: 'image', remote_url: KNOWN_BAD.media.originUrl });
    expect(media.url).toMatch(new RegExp(`^${fake.url}/system/media_attachments/files/(\\d{3}/)+original/\\d+\\.png$`));
    const file = await fetch(media.url);
    expect(Buffer.from(await file.arrayBuffer()).equals(await knownBadImage())).toBe(true);
    // reported: one open report against the copy, synced like any other.
    const reports = await json(fake, '/api/v1/admin/reports?limit=200');
    const mine = reports.filter((r: { comment: string }) => r.comment === KNOWN_BAD.reportComment);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ action_taken: false, target_account: { id: account.id }, statuses: [{ uri: KNOWN_BAD.post.uri }] });
  });

  it('the rotated variant is a JPEG; unreported copies have no report', async () => {
    fake = await startFakeMastodon({ reports: 5, knownBad: { variant: 'reencoded-rotated' } });
    const [status] = [...fake.state.statuses.values()].filter((s) => s.uri === KNOWN_BAD.post.uri);
    const file = await fetch(`${fake.url}/system/media_attachments/files/${status.media[0].id.padStart(18, '0').match(/.{3}/g)!.join('/')}/original/${status.media[0].id}.jpg`);
    expect(file.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await file.arrayBuffer()).equals(await knownBadImage('reencoded-rotated'))).toBe(true);
    expect([...fake.state.reports.values()].some((r) => r.comment === KNOWN_BAD.reportComment)).toBe(false);
  });

  it('without knownBad the account is unknown (404, no webfinger)', async () => {
    fake = await startFakeMastodon({ reports: 5 });
    const res = await api(fake, `/api/v1/accounts/lookup?acct=${q(KNOWN_BAD.account.acct)}`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'Record not found' });
    expect(fake.state.remoteFetches).toEqual([]);
  });
});

describe('fake Mastodon: search resolve semantics and the remote-fetch trap', () => {
  it('resolve=false never fetches and does not look URLs up; resolve=true records the fetch', async () => {
    fake = await startFakeMastodon({ reports: 5, knownBad: {} });
    const quiet = await json(fake, `/api/v2/search?q=${q(KNOWN_BAD.post.uri)}&resolve=false&type=statuses`);
    expect(quiet).toEqual({ accounts: [], statuses: [], hashtags: [] });
    const acct = await json(fake, `/api/v2/search?q=${q(KNOWN_BAD.account.acct)}&type=accounts`);
    expect(acct.accounts.map((a: { acct: string }) => a.acct)).toEqual([KNOWN_BAD.account.acct]);
    expect(fake.state.remoteFetches).toEqual([]);

    const loud = await json(fake, `/api/v2/search?q=${q(KNOWN_BAD.post.uri)}&resolve=true&type=statuses`);
    expect(loud.statuses.map((s: { uri: string }) => s.uri)).toEqual([KNOWN_BAD.post.uri]);
    await api(fake, `/api/v2/search?q=${q('someone@elsewhere.test')}&resolve=true`);
    const fetches = await (await fetch(`${fake.url}/__fake/remote-fetches`)).json();
    expect(fetches.map((f: { endpoint: string; target: string }) => [f.endpoint, f.target])).toEqual([
      ['GET /api/v2/search', KNOWN_BAD.post.uri],
      ['GET /api/v2/search', 'someone@elsewhere.test'],
    ]);
    await fetch(`${fake.url}/__fake/reset-remote-fetches`, { method: 'POST' });
    expect(await (await fetch(`${fake.url}/__fake/remote-fetches`)).json()).toEqual([]);
  });

  it('lookups are rate limited like every API call, and need a token with read scopes', async () => {
    fake = await startFakeMastodon({ reports: 5, knownBad: {}, rateLimit: { limit: 1, windowMs: 60_000 } });
    expect((await api(fake, `/api/v1/accounts/lookup?acct=${q(KNOWN_BAD.account.acct)}`)).status).toBe(200);
    expect((await api(fake, `/api/v1/accounts/lookup?acct=${q(KNOWN_BAD.account.acct)}`)).status).toBe(429);
    await fake.close();
    fake = await startFakeMastodon({ reports: 5, knownBad: {}, scopes: ['admin:read', 'admin:write'] });
    expect((await api(fake, `/api/v1/accounts/lookup?acct=${q(KNOWN_BAD.account.acct)}`)).status).toBe(403);
  });
});
