import { afterEach, describe, expect, it } from 'vitest';
import { KNOWN_BAD, knownBadImage } from '../federation/known-bad';
import { startFakeMastodon, type FakeMastodon } from './server';

let fake: FakeMastodon | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

const auth = (f: FakeMastodon) => ({ Authorization: `Bearer ${f.token}` });
const call = (f: FakeMastodon, method: string, path: string, form?: Record<string, string>) =>
  fetch(`${f.url}${path}`, {
    method, headers: { ...auth(f), ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}) },
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
const control = (f: FakeMastodon, path: string, body: unknown = {}) =>
  fetch(`${f.url}/__fake/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

/** The known-bad copy as the API reports it: the account id, the status id and its media URL on this fake. */
async function knownBadCopy(f: FakeMastodon) {
  const account = await (await fetch(`${f.url}/api/v1/accounts/lookup?acct=${encodeURIComponent(KNOWN_BAD.account.acct)}`, { headers: auth(f) })).json();
  const [status] = await (await fetch(`${f.url}/api/v1/accounts/${account.id}/statuses?only_media=true`, { headers: auth(f) })).json();
  return { accountId: String(account.id), statusId: String(status.id), mediaUrl: String(status.media_attachments[0].url) };
}

const bytesAt = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
};

describe('fake Mastodon removals', () => {
  it('suspension alone keeps serving the file; deleting the data makes it 404 and the posts go', async () => {
    fake = await startFakeMastodon({ reports: 3, knownBad: { reported: true } });
    const copy = await knownBadCopy(fake);
    expect((await call(fake, 'POST', `/api/v1/admin/accounts/${copy.accountId}/action`, { type: 'suspend' })).status).toBe(200);
    const served = await bytesAt(copy.mediaUrl);
    expect(served.status).toBe(200);
    expect(served.bytes.equals(await knownBadImage())).toBe(true);

    const del = await call(fake, 'DELETE', `/api/v1/admin/accounts/${copy.accountId}`);
    expect(del.status).toBe(200);
    expect(await del.json()).toEqual({});
    expect((await bytesAt(copy.mediaUrl)).status).toBe(404);
    expect(fake.state.statuses.has(copy.statusId)).toBe(false);
    // Mastodon keeps the emptied, suspended row; a second delete is refused like an unsuspended one.
    const again = await call(fake, 'DELETE', `/api/v1/admin/accounts/${copy.accountId}`);
    expect(again.status).toBe(403);
    const admin = await (await call(fake, 'GET', `/api/v1/admin/accounts/${copy.accountId}`)).json();
    expect(admin).toMatchObject({ suspended: true });
  });

  it('refuses to delete the data of an account that is not suspended (403, nothing removed)', async () => {
    fake = await startFakeMastodon({ reports: 3, knownBad: {} });
    const copy = await knownBadCopy(fake);
    const res = await call(fake, 'DELETE', `/api/v1/admin/accounts/${copy.accountId}`);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: 'This action is not allowed' });
    expect((await bytesAt(copy.mediaUrl)).status).toBe(200);
    expect((await call(fake, 'DELETE', '/api/v1/admin/accounts/999')).status).toBe(404);
  });

  it('keeps statuses named in still-open reports against the account, as DeleteAccountService does', async () => {
    fake = await startFakeMastodon({ reports: 3, knownBad: { reported: true } });
    const copy = await knownBadCopy(fake);
    fake.state.accounts.get(copy.accountId)!.suspended = true; // suspended without resolving the report
    expect((await call(fake, 'DELETE', `/api/v1/admin/accounts/${copy.accountId}`)).status).toBe(200);
    expect(fake.state.statuses.has(copy.statusId)).toBe(true);
    expect((await bytesAt(copy.mediaUrl)).status).toBe(200);
  });

  it('a reject_media domain block clears the domain\'s files: the old URL 404s, the API shows a media_proxy URL', async () => {
    fake = await startFakeMastodon({ reports: 3, knownBad: {} });
    const copy = await knownBadCopy(fake);
    const res = await call(fake, 'POST', '/api/v1/admin/domain_blocks', { domain: KNOWN_BAD.originDomain, severity: 'silence', reject_media: 'true' });
    expect(res.status).toBe(200);
    expect((await bytesAt(copy.mediaUrl)).status).toBe(404);
    const [status] = await (await call(fake, 'GET', `/api/v1/accounts/${copy.accountId}/statuses`)).json();
    expect(status.id).toBe(copy.statusId); // the post stays (silence), only its file is gone
    const media = status.media_attachments[0];
    expect(media).toMatchObject({ type: 'unknown', url: `${fake.url}/media_proxy/${media.id}/original` });
    expect((await bytesAt(media.url)).status).toBe(404);
  });

  it('keep-serving serves removed files with the same bytes until switched off', async () => {
    fake = await startFakeMastodon({ reports: 3, knownBad: {} });
    const copy = await knownBadCopy(fake);
    expect((await control(fake, 'keep-serving', { on: true })).status).toBe(200);
    await call(fake, 'POST', `/api/v1/admin/accounts/${copy.accountId}/action`, { type: 'suspend' });
    await call(fake, 'DELETE', `/api/v1/admin/accounts/${copy.accountId}`);
    expect(fake.state.statuses.has(copy.statusId)).toBe(false);
    const cached = await bytesAt(copy.mediaUrl);
    expect(cached.status).toBe(200);
    expect(cached.bytes.equals(await knownBadImage())).toBe(true);
    await control(fake, 'keep-serving', { on: false });
    expect((await bytesAt(copy.mediaUrl)).status).toBe(404);
    expect((await control(fake, 'keep-serving', { on: 'yes' })).status).toBe(400);
  });

  it('logs every removal call received, and resets the log', async () => {
    fake = await startFakeMastodon({ reports: 3, knownBad: {} });
    const copy = await knownBadCopy(fake);
    await call(fake, 'POST', `/api/v1/admin/accounts/${copy.accountId}/action`, { type: 'silence' });
    await call(fake, 'DELETE', `/api/v1/admin/accounts/${copy.accountId}`); // refused, still received
    await call(fake, 'POST', `/api/v1/admin/accounts/${copy.accountId}/action`, { type: 'suspend' });
    await call(fake, 'DELETE', `/api/v1/admin/accounts/${copy.accountId}`);
    await call(fake, 'POST', '/api/v1/admin/domain_blocks', { domain: 'other.test', reject_media: 'true' });
    const calls = await (await fetch(`${fake.url}/__fake/destructive-calls`)).json();
    expect(calls.map((c: { method: string; path: string }) => `${c.method} ${c.path}`)).toEqual([
      `DELETE /api/v1/admin/accounts/${copy.accountId}`,
      `POST /api/v1/admin/accounts/${copy.accountId}/action`,
      `DELETE /api/v1/admin/accounts/${copy.accountId}`,
      'POST /api/v1/admin/domain_blocks',
    ]);
    expect(typeof calls[0].at).toBe('string');
    await control(fake, 'reset-destructive-calls');
    expect(await (await fetch(`${fake.url}/__fake/destructive-calls`)).json()).toEqual([]);
  });

  it('serves public pages of local posts: 200 html, 403 while suspended, 410 after the data is deleted', async () => {
    fake = await startFakeMastodon({ reports: 6 });
    const local = [...fake.state.statuses.values()].find((s) => fake!.state.accounts.get(s.accountId)?.domain === null && s.visibility === 'public')!;
    const account = fake.state.accounts.get(local.accountId)!;
    const url = `${fake.url}/@${account.username}/${local.id}`;
    const ok = await fetch(url);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/html/);
    expect((await fetch(`${fake.url}/@${account.username}/1`)).status).toBe(404);
    // Resolve the reports first, so the post is not kept for them.
    await call(fake, 'POST', `/api/v1/admin/accounts/${account.id}/action`, { type: 'suspend' });
    expect((await fetch(url)).status).toBe(403);
    expect((await call(fake, 'DELETE', `/api/v1/admin/accounts/${account.id}`)).status).toBe(200);
    expect((await fetch(url)).status).toBe(410);
  });
});
