/** The fake Akkoma's federated known-bad copy, its copy lookups, and the traps that record remote fetches. */
import { afterEach, describe, expect, it } from 'vitest';
import { KNOWN_BAD, knownBadImage } from '../federation/known-bad';
import { startFakeAkkoma, type FakeAkkoma } from './server';

let fake: FakeAkkoma | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function get(path: string) {
  const res = await fetch(`${fake!.url}${path}`, { headers: { Authorization: `Bearer ${fake!.token}` } });
  return { status: res.status, json: await res.json() };
}
const fetches = async () => (await get('/__fake/remote-fetches')).json as unknown[];

describe('fake Akkoma known-bad copy', () => {
  it('holds the remote account and its post with the origin uri/url, and serves the attachment\'s bytes', async () => {
    fake = await startFakeAkkoma({ reports: 2, knownBad: { variant: 'reencoded-rotated' } });
    const users = await get('/api/v1/pleroma/admin/users?query=spreader%40spreader.test&filters=external');
    expect(users.json).toMatchObject({ count: 1, users: [{ nickname: KNOWN_BAD.account.acct, local: false }] });
    const statuses = await get(`/api/v1/pleroma/admin/users/${users.json.users[0].id}/statuses?godmode=true&page_size=100`);
    expect(statuses.json.total).toBe(1);
    const [status] = statuses.json.activities;
    expect(status).toMatchObject({ uri: KNOWN_BAD.post.uri, url: KNOWN_BAD.post.url, media_attachments: [{ remote_url: KNOWN_BAD.media.originUrl }] });
    const res = await fetch(status.media_attachments[0].url);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await res.arrayBuffer()).equals(await knownBadImage('reencoded-rotated'))).toBe(true);
    expect((await get('/api/v1/pleroma/admin/reports?state=open')).json.reports.every((r: { account: { acct: string } }) => r.account.acct !== KNOWN_BAD.account.acct)).toBe(true);
    expect(await fetches()).toEqual([]);
  });

  it('with reported: true holds one open report against the post', async () => {
    fake = await startFakeAkkoma({ reports: 0, knownBad: { reported: true } });
    const reports = await get('/api/v1/pleroma/admin/reports?state=open');
    expect(reports.json.reports).toHaveLength(1);
    expect(reports.json.reports[0]).toMatchObject({ content: KNOWN_BAD.reportComment, account: { acct: KNOWN_BAD.account.acct }, statuses: [{ uri: KNOWN_BAD.post.uri }] });
  });

  it('checks the admin scopes of the lookup routes', async () => {
    fake = await startFakeAkkoma({ reports: 0, knownBad: {}, scopes: ['read'] });
    expect(await get('/api/v1/pleroma/admin/users')).toEqual({ status: 403, json: { error: 'Insufficient permissions: admin:read:accounts.' } });
  });

  it('records a search for a URL it does not hold, resolve=true of an unknown account, and a nickname lookup of one', async () => {
    fake = await startFakeAkkoma({ reports: 0, knownBad: {} });
    expect((await get(`/api/v2/search?q=${encodeURIComponent(KNOWN_BAD.post.uri)}&resolve=false`)).json.statuses).toHaveLength(1); // held
    expect(await fetches()).toEqual([]);
    await get(`/api/v2/search?q=${encodeURIComponent('https://elsewhere.test/notice/1')}&resolve=false`); // maybe_fetch ignores resolve
    await get('/api/v2/search?q=nobody%40elsewhere.test&resolve=true');
    expect((await get('/api/v1/pleroma/admin/users/ghost%40elsewhere.test/statuses')).status).toBe(404);
    expect(await fetches()).toEqual([
      { at: expect.any(String), endpoint: 'GET /api/v2/search', target: 'https://elsewhere.test/notice/1' },
      { at: expect.any(String), endpoint: 'GET /api/v2/search', target: 'nobody@elsewhere.test' },
      { at: expect.any(String), endpoint: 'GET /api/v1/pleroma/admin/users/:nickname/statuses', target: 'ghost@elsewhere.test' },
    ]);
    expect((await fetch(`${fake.url}/__fake/reset-remote-fetches`, { method: 'POST' })).status).toBe(200);
    expect(await fetches()).toEqual([]);
  });
});
