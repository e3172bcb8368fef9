import { afterEach, describe, expect, it } from 'vitest';
import { KNOWN_BAD, knownBadImage } from '../federation/known-bad';
import { startFakeGoToSocial, type FakeGoToSocial } from './server';

let fake: FakeGoToSocial | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

const auth = (f: FakeGoToSocial) => ({ Authorization: `Bearer ${f.token}` });
const post = (f: FakeGoToSocial, path: string, form: Record<string, string> = {}) =>
  fetch(`${f.url}${path}`, {
    method: 'POST', headers: { ...auth(f), 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString(),
  });
const control = (f: FakeGoToSocial, path: string, body: unknown = {}) =>
  fetch(`${f.url}/__fake/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

async function knownBadCopy(f: FakeGoToSocial) {
  const found = await (await fetch(`${f.url}/api/v2/search?q=${encodeURIComponent(KNOWN_BAD.post.uri)}&resolve=false&type=statuses`, { headers: auth(f) })).json();
  const [status] = found.statuses;
  return { accountId: String(status.account.id), statusId: String(status.id), mediaUrl: String(status.media_attachments[0].url) };
}

const statusOf = async (url: string) => (await fetch(url)).status;
const searchCount = async (f: FakeGoToSocial) =>
  (await (await fetch(`${f.url}/api/v2/search?q=${encodeURIComponent(KNOWN_BAD.post.uri)}&resolve=false&type=statuses`, { headers: auth(f) })).json()).statuses.length;

describe('fake GoToSocial removals', () => {
  it('suspension deletes the account\'s posts and media: the file 404s, search stops finding it, the stub stays suspended', async () => {
    fake = await startFakeGoToSocial({ reports: 3, knownBad: { variant: 'reencoded-rotated' } });
    const copy = await knownBadCopy(fake);
    expect(await statusOf(copy.mediaUrl)).toBe(200);
    expect((await post(fake, `/api/v1/admin/accounts/${copy.accountId}/action`, { type: 'suspend' })).status).toBe(200);
    expect(await statusOf(copy.mediaUrl)).toBe(404);
    expect(await searchCount(fake)).toBe(0);
    const admin = await (await fetch(`${fake.url}/api/v1/admin/accounts/${copy.accountId}`, { headers: auth(fake) })).json();
    expect(admin).toMatchObject({ id: copy.accountId, suspended: true, account: { display_name: '' } });
  });

  it('media_cleanup with 0 days prunes the cached remote file (404) but keeps the post', async () => {
    fake = await startFakeGoToSocial({ reports: 3, knownBad: {} });
    const copy = await knownBadCopy(fake);
    const res = await fetch(`${fake.url}/api/v1/admin/media_cleanup?remote_cache_days=0`, { method: 'POST', headers: auth(fake) });
    expect(res.status).toBe(200);
    expect(await statusOf(copy.mediaUrl)).toBe(404);
    expect(await searchCount(fake)).toBe(1);
  });

  it('a domain block suspends the domain\'s accounts and deletes their posts and files', async () => {
    fake = await startFakeGoToSocial({ reports: 3, knownBad: {} });
    const copy = await knownBadCopy(fake);
    expect((await post(fake, '/api/v1/admin/domain_blocks', { domain: KNOWN_BAD.originDomain })).status).toBe(200);
    expect(await statusOf(copy.mediaUrl)).toBe(404);
    expect(await searchCount(fake)).toBe(0);
  });

  it('keep-serving serves removed and pruned files with the same bytes until switched off', async () => {
    fake = await startFakeGoToSocial({ reports: 3, knownBad: {} });
    const copy = await knownBadCopy(fake);
    await control(fake, 'keep-serving', { on: true });
    await post(fake, `/api/v1/admin/accounts/${copy.accountId}/action`, { type: 'suspend' });
    const cached = await fetch(copy.mediaUrl);
    expect(cached.status).toBe(200);
    expect(Buffer.from(await cached.arrayBuffer()).equals(await knownBadImage())).toBe(true);
    await control(fake, 'keep-serving', { on: false });
    expect(await statusOf(copy.mediaUrl)).toBe(404);
  });

  it('logs removal calls as received and resets the log', async () => {
    fake = await startFakeGoToSocial({ reports: 3, knownBad: {} });
    const copy = await knownBadCopy(fake);
    await post(fake, `/api/v1/admin/accounts/${copy.accountId}/action`, { type: 'suspend' });
    await fetch(`${fake.url}/api/v1/admin/media_cleanup?remote_cache_days=0`, { method: 'POST', headers: auth(fake) });
    await post(fake, '/api/v1/admin/reports/01AAAAAAAAAAAAAAAAAAAAAAAA/resolve'); // not a removal
    const calls = await (await fetch(`${fake.url}/__fake/destructive-calls`)).json();
    expect(calls.map((c: { method: string; path: string }) => `${c.method} ${c.path}`)).toEqual([
      `POST /api/v1/admin/accounts/${copy.accountId}/action`, 'POST /api/v1/admin/media_cleanup',
    ]);
    await control(fake, 'reset-destructive-calls');
    expect(await (await fetch(`${fake.url}/__fake/destructive-calls`)).json()).toEqual([]);
  });

  it('serves the page of a local post while it exists and 404 once its account is suspended', async () => {
    fake = await startFakeGoToSocial({ reports: 6 });
    const local = [...fake.state.statuses.values()].find((s) => fake!.state.accounts.get(s.accountId)?.domain === null)!;
    const account = fake.state.accounts.get(local.accountId)!;
    const url = `${fake.url}/@${account.username}/statuses/${local.id}`;
    const ok = await fetch(url);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/html/);
    await post(fake, `/api/v1/admin/accounts/${account.id}/action`, { type: 'suspend' });
    expect(await statusOf(url)).toBe(404);
  });
});
