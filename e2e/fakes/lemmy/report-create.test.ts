/** The fake's post and comment report creation answers as Lemmy 0.19 and 1.0 do, over raw HTTP. */
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeLemmy, type FakeLemmy } from './server';

let fake: FakeLemmy | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function call(method: string, path: string, body?: unknown, jwt?: string) {
  const res = await fetch(fake!.url + path, {
    method,
    headers: { ...(jwt ? { Authorization: `Bearer ${jwt}` } : {}), 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

async function login(api: 'v3' | 'v4'): Promise<string> {
  const path = api === 'v4' ? '/api/v4/account/auth/login' : '/api/v3/user/login';
  return (await call('POST', path, { username_or_email: fake!.state.credentials.username, password: fake!.state.credentials.password })).json.jwt;
}

describe.each(['v3', 'v4'] as const)('fake Lemmy %s post/comment report', (api) => {
  it('needs a login, a reason of 1-1000 characters and a live post; stores the report as the admin\'s', async () => {
    fake = await startFakeLemmy({ reports: 0, version: api === 'v4' ? '1.0.0-beta.1' : '0.19.9' });
    const jwt = await login(api);
    const seeded = fake.state.reports.get(fake.addReport({ type: 'post', resolved: true }).remoteId)!;
    const url = `/api/${api}/post/report`;
    expect(await call('POST', url, { post_id: seeded.objectId, reason: 'x' })).toEqual({ status: 401, json: { error: 'incorrect_login' } });
    expect(await call('POST', url, { post_id: seeded.objectId }, jwt)).toEqual({ status: 400, json: { error: 'couldnt_parse_body' } });
    expect(await call('POST', url, { post_id: seeded.objectId, reason: '' }, jwt)).toEqual({ status: 400, json: { error: 'report_reason_required' } });
    expect(await call('POST', url, { post_id: seeded.objectId, reason: 'x'.repeat(1001) }, jwt)).toEqual({ status: 400, json: { error: 'report_too_long' } });
    expect((await call('POST', url, { post_id: 9999, reason: 'x' }, jwt)).json).toEqual({ error: api === 'v4' ? 'not_found' : 'couldnt_find_post' });
    const ok = await call('POST', url, { post_id: seeded.objectId, reason: 'Please review' }, jwt);
    expect(ok).toMatchObject({ status: 200, json: { post_report_view: { post_report: { post_id: seeded.objectId, reason: 'Please review', resolved: false } } } });
    const stored = fake.state.reports.get(`post:${ok.json.post_report_view.post_report.id}`);
    expect(stored).toMatchObject({ creatorId: fake.state.adminId, resolved: false });
    fake.state.posts.get(seeded.objectId)!.removed = true;
    expect(await call('POST', url, { post_id: seeded.objectId, reason: 'again' }, jwt)).toEqual({ status: 400, json: { error: 'deleted' } });
  });

  it('reports a comment through /comment/report', async () => {
    fake = await startFakeLemmy({ reports: 0, version: api === 'v4' ? '1.0.0-beta.1' : '0.19.9' });
    const jwt = await login(api);
    const seeded = fake.state.reports.get(fake.addReport({ type: 'comment', resolved: true }).remoteId)!;
    const ok = await call('POST', `/api/${api}/comment/report`, { comment_id: seeded.objectId, reason: 'Comment' }, jwt);
    expect(ok).toMatchObject({ status: 200, json: { comment_report_view: { comment_report: { comment_id: seeded.objectId, reason: 'Comment' } } } });
  });
});

it('a 0.19 fake has no /api/v4 report route', async () => {
  fake = await startFakeLemmy({ reports: 0, version: '0.19.9' });
  expect((await call('POST', '/api/v4/post/report', { post_id: 1, reason: 'x' })).status).toBe(404);
});
