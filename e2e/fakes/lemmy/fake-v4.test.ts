import { afterEach, describe, expect, it } from 'vitest';
import { startFakeLemmy, type FakeLemmy } from './server';

let fake: FakeLemmy | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function call(f: FakeLemmy, method: string, path: string, body?: unknown, jwt?: string) {
  const res = await fetch(f.url + path, {
    method,
    headers: { ...(jwt ? { Authorization: `Bearer ${jwt}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

const v1 = (opts: Parameters<typeof startFakeLemmy>[0] = {}) => startFakeLemmy({ version: '1.0.0', ...opts });

describe('fake lemmy versions', () => {
  it('a 0.19 fake (the default) answers /api/v4 with 404, like a real 0.19', async () => {
    fake = await startFakeLemmy({ reports: 2 });
    const jwt = fake.issueJwt();
    expect((await (await fetch(`${fake.url}/nodeinfo/2.1`)).json()).software.version).toBe('0.19.9');
    expect((await call(fake, 'POST', '/api/v4/account/auth/login', JSON.parse(fake.token))).status).toBe(404);
    expect((await call(fake, 'GET', '/api/v4/report/list', undefined, jwt)).status).toBe(404);
    expect((await call(fake, 'POST', '/api/v4/admin/purge/post', { post_id: 1, reason: 'x' }, jwt)).status).toBe(404);
  });

  it('a 1.0 fake reports its version in NodeInfo and /site, and serves v3 and v4 from one state', async () => {
    fake = await v1({ reports: 6, seed: 3, version: '1.0.0-beta.1' });
    expect((await (await fetch(`${fake.url}/nodeinfo/2.1`)).json()).software).toEqual({ name: 'lemmy', version: '1.0.0-beta.1' });
    const { json } = await call(fake, 'POST', '/api/v4/account/auth/login', JSON.parse(fake.token));
    expect((await call(fake, 'GET', '/api/v4/site')).json).toMatchObject({ version: '1.0.0-beta.1', site_view: { site: { ap_id: `https://lemmy.test/` } } });
    expect((await call(fake, 'GET', '/api/v4/account', undefined, json.jwt)).json).toMatchObject({ local_user_view: { person: { name: 'admin' }, local_user: { admin: true } } });
    // The same JWT works on v3, and both list the same post reports.
    const v3 = await call(fake, 'GET', '/api/v3/post/report/list?limit=50', undefined, json.jwt);
    const v4 = await call(fake, 'GET', '/api/v4/report/list?type_=posts&limit=50', undefined, json.jwt);
    expect(v4.json.items.map((i: { post_report: { id: number } }) => i.post_report.id).sort()).toEqual(v3.json.post_reports.map((r: { post_report: { id: number } }) => r.post_report.id).sort());
  });

  it('v4 login refuses a wrong password with 401 and is never recorded (its body is the password)', async () => {
    fake = await v1();
    const creds = JSON.parse(fake.token);
    expect(await call(fake, 'POST', '/api/v4/account/auth/login', { ...creds, password: 'nope' })).toEqual({ status: 401, json: { error: 'incorrect_login' } });
    expect((await call(fake, 'POST', '/api/v4/account/auth/login', creds)).status).toBe(200);
    expect(fake.state.records).toEqual([]);
  });
});

describe('fake lemmy auth like 0.19', () => {
  it('drops an invalid JWT: /site answers anonymously, login-only routes answer 401 incorrect_login', async () => {
    fake = await startFakeLemmy({ reports: 1 });
    const anon = await call(fake, 'GET', '/api/v3/site', undefined, 'expired.jwt');
    expect(anon.status).toBe(200);
    expect(anon.json.my_user).toBeUndefined();
    expect((await call(fake, 'GET', '/api/v3/site', undefined, fake.issueJwt())).json.my_user).toBeDefined();
    expect(await call(fake, 'GET', '/api/v3/post/report/list', undefined, 'expired.jwt')).toEqual({ status: 401, json: { error: 'incorrect_login' } });
  });
});

describe('fake lemmy v4 report list', () => {
  it('pages with opaque cursors to the end: next_page while more remain, none on the last page', async () => {
    fake = await v1({ reports: 23, seed: 5 });
    const jwt = fake.issueJwt();
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const q = new URLSearchParams({ type_: 'all', limit: '5', ...(cursor ? { page_cursor: cursor } : {}) });
      const { status, json } = await call(fake, 'GET', `/api/v4/report/list?${q}`, undefined, jwt);
      expect(status).toBe(200);
      for (const item of json.items) seen.push(`${item.type_}:${(Object.values(item).find((v) => typeof v === 'object' && v && 'reason' in v) as { id: number }).id}`);
      if (json.next_page) expect(json.next_page).not.toMatch(/^\d+$/); // not a page number
      cursor = json.next_page;
      pages++;
    } while (cursor && pages < 20);
    expect(pages).toBe(5);
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    expect(await call(fake, 'GET', '/api/v4/report/list?page_cursor=garbage', undefined, jwt)).toEqual({ status: 400, json: { error: 'couldnt_parse_pagination_token' } });
  });

  it('tags items in snake_case, filters by type_ and unresolved_only (oldest first), and keeps PM and community reports for admins', async () => {
    fake = await v1({ reports: 0 });
    const jwt = fake.issueJwt();
    const a = fake.addReport({ type: 'post', resolved: false });
    fake.addReport({ type: 'comment', resolved: true });
    fake.addReport({ type: 'pm', resolved: false });
    fake.addReport({ type: 'community', resolved: false });
    const open = await call(fake, 'GET', '/api/v4/report/list?unresolved_only=true', undefined, jwt);
    expect(open.json.items.map((i: { type_: string }) => i.type_)).toEqual(['post', 'private_message', 'community']);
    expect(open.json.items[0]).toMatchObject({ post_report: { id: Number(a.remoteId.split(':')[1]), published_at: expect.any(String) }, post_creator: { ap_id: expect.any(String) } });
    const all = await call(fake, 'GET', '/api/v4/report/list', undefined, jwt);
    expect(all.json.items.map((i: { type_: string }) => i.type_)).toEqual(['community', 'private_message', 'comment', 'post']); // newest first
    expect((await call(fake, 'GET', '/api/v4/report/list?type_=comments', undefined, jwt)).json.items).toHaveLength(1);
    expect((await call(fake, 'GET', '/api/v4/report/list?type_=bogus', undefined, jwt)).status).toBe(400);
    fake.state.admin().admin = false;
    const mod = await call(fake, 'GET', '/api/v4/report/list', undefined, jwt);
    expect(mod.json.items.map((i: { type_: string }) => i.type_)).toEqual(['comment', 'post']);
  });
});

describe('fake lemmy v4 writes', () => {
  it('resolve, remove, ban and instance block: documented bodies, 404 not_found, admin checks, all recorded', async () => {
    fake = await v1({ reports: 0 });
    const jwt = fake.issueJwt();
    const r = fake.addReport({ type: 'community', resolved: false });
    const id = Number(r.remoteId.split(':')[1]);
    const resolved = await call(fake, 'PUT', '/api/v4/community/report/resolve', { report_id: id, resolved: true }, jwt);
    expect(resolved.json.community_report_view).toMatchObject({ community_report: { id, resolved: true } });
    expect(await call(fake, 'PUT', '/api/v4/post/report/resolve', { report_id: 999, resolved: true }, jwt)).toEqual({ status: 404, json: { error: 'not_found' } });
    expect((await call(fake, 'POST', '/api/v4/post/remove', { post_id: 1, removed: true }, jwt)).json).toEqual({ error: 'couldnt_parse_body' }); // reason required
    expect((await call(fake, 'POST', '/api/v4/admin/ban', { person_id: 4, ban: true }, jwt)).json).toEqual({ error: 'couldnt_parse_body' });
    expect((await call(fake, 'POST', '/api/v4/admin/ban', { person_id: 4, ban: true, reason: 'spam' }, jwt)).status).toBe(200);
    expect(fake.state.persons.get(4)!.banned).toBe(true);
    expect((await call(fake, 'POST', '/api/v4/admin/instance/block', { instance: 'bad.example', block: true, reason: 'spam' }, jwt)).json)
      .toMatchObject({ instance: { domain: 'bad.example' }, blocked: { published_at: expect.any(String) } });
    expect(fake.state.blockedInstances).toEqual(['bad.example']);
    // Blocking twice is an insert conflict on 1.0; a missing reason does not deserialize.
    expect(await call(fake, 'POST', '/api/v4/admin/instance/block', { instance: 'bad.example', block: true, reason: 'again' }, jwt)).toEqual({ status: 400, json: { error: 'couldnt_create' } });
    expect((await call(fake, 'POST', '/api/v4/admin/instance/block', { instance: 'bad.example', block: false }, jwt)).json).toEqual({ error: 'couldnt_parse_body' });
    await call(fake, 'POST', '/api/v4/admin/instance/block', { instance: 'bad.example', block: false, reason: 'ok' }, jwt);
    expect(fake.state.blockedInstances).toEqual([]);
    expect((await call(fake, 'POST', '/api/v4/admin/instance/block', { instance: 'lemmy.test', block: true, reason: 'x' }, jwt)).json).toEqual({ error: 'cant_block_local_instance' });
    fake.state.admin().admin = false;
    expect(await call(fake, 'POST', '/api/v4/admin/ban', { person_id: 4, ban: false, reason: 'x' }, jwt)).toEqual({ status: 400, json: { error: 'not_an_admin' } });
    const paths = JSON.stringify(fake.state.records);
    for (const p of ['/api/v4/community/report/resolve', '/api/v4/post/remove', '/api/v4/admin/ban', '/api/v4/admin/instance/block']) expect(paths).toContain(p);
    expect(fake.state.records).toHaveLength(11); // every write, failed ones included
  });

  it('rate limits v4 like v3: 400 rate_limit_error', async () => {
    fake = await v1();
    await fetch(`${fake.url}/__fake/rate-limit`, { method: 'POST', body: JSON.stringify({ remaining: 0, times: 1 }) });
    expect(await call(fake, 'GET', '/api/v4/site')).toEqual({ status: 400, json: { error: 'rate_limit_error' } });
  });
});

describe.each(['v3', 'v4'] as const)('fake lemmy purges on %s', (api) => {
  const notFound = api === 'v4' ? { status: 404, json: { error: 'not_found' } } : { status: 400, json: { error: 'couldnt_find_post' } };
  const reason = api === 'v4' ? { reason: 'r' } : {};

  it('purge/post deletes the post, its comments and their reports; purge/comment deletes one comment', async () => {
    fake = await v1({ reports: 0 });
    const jwt = fake.issueJwt();
    const post = fake.addReport({ type: 'post', resolved: false });
    const postId = (post.post as { id: number }).id;
    fake.state.comments.set(99, { id: 99, creatorId: 3, postId, content: 'reply', removed: false, deleted: false, published: '2026-01-01T00:00:00Z' });
    fake.state.reports.set('comment:50', { type: 'comment', id: 50, creatorId: 2, objectId: 99, reason: 'x', resolved: false, published: '2026-01-02T00:00:00Z' });
    expect(await call(fake, 'POST', `/api/${api}/admin/purge/post`, { post_id: postId, ...reason }, jwt)).toEqual({ status: 200, json: { success: true } });
    expect(fake.state.posts.has(postId)).toBe(false);
    expect(fake.state.comments.has(99)).toBe(false);
    expect(fake.state.reports.size).toBe(0);
    expect(await call(fake, 'POST', `/api/${api}/admin/purge/post`, { post_id: postId, ...reason }, jwt)).toEqual(notFound);
    const c = fake.addReport({ type: 'comment' });
    const commentId = (c.comment as { id: number }).id;
    expect((await call(fake, 'POST', `/api/${api}/admin/purge/comment`, { comment_id: commentId, ...reason }, jwt)).status).toBe(200);
    expect(fake.state.comments.has(commentId)).toBe(false);
    expect(fake.state.reports.has(c.remoteId)).toBe(false);
    expect(JSON.stringify(fake.state.records)).toContain(`"method":"POST","path":"/api/${api}/admin/purge/comment"`);
  });

  it('purge/person keeps the record banned and wipes their content; admins only; the reason rule of each version', async () => {
    fake = await v1({ reports: 0 });
    const jwt = fake.issueJwt();
    const r = fake.addReport({ type: 'post', targetId: 5, withImage: true });
    const postId = (r.post as { id: number }).id;
    if (api === 'v4') expect((await call(fake, 'POST', '/api/v4/admin/purge/person', { person_id: 5 }, jwt)).json).toEqual({ error: 'couldnt_parse_body' });
    expect((await call(fake, 'POST', `/api/${api}/admin/purge/person`, { person_id: 5, ...reason }, jwt)).status).toBe(200);
    expect(fake.state.persons.get(5)).toMatchObject({ banned: true, deleted: true });
    expect(fake.state.posts.get(postId)).toMatchObject({ name: '*Permanently Deleted*', body: '*Permanently Deleted*', url: null, deleted: true });
    expect((await fetch(`${fake.url}/pictrs/image/p${postId}.png`)).status).toBe(404);
    expect((await call(fake, 'POST', `/api/${api}/admin/purge/person`, { person_id: 1, ...reason }, jwt)).json).toEqual({ error: 'not_higher_admin' });
    fake.state.admin().admin = false;
    expect(await call(fake, 'POST', `/api/${api}/admin/purge/post`, { post_id: postId, ...reason }, jwt)).toEqual({ status: 400, json: { error: 'not_an_admin' } });
    expect(fake.state.posts.has(postId)).toBe(true);
    expect(await call(fake, 'POST', `/api/${api}/admin/purge/post`, { post_id: postId, ...reason })).toEqual({ status: 401, json: { error: 'incorrect_login' } });
    expect(fake.state.records.map((w) => w.path).every((p) => p.startsWith(`/api/${api}/admin/purge/`))).toBe(true);
  });
});
