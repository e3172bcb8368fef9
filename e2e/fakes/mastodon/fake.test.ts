import { afterEach, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { startFakeMastodon, type FakeMastodon } from './server';

let fake: FakeMastodon | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function start(opts: Parameters<typeof startFakeMastodon>[0] = {}) {
  fake = await startFakeMastodon({ reports: 12, ...opts });
  return fake;
}

function api(f: FakeMastodon, path: string, init: RequestInit & { token?: string } = {}) {
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${init.token ?? f.token}`);
  return fetch(`${f.url}${path}`, { ...init, headers });
}

const control = (f: FakeMastodon, path: string, body?: unknown) =>
  fetch(`${f.url}/__fake/${path}`, { method: body === undefined ? 'GET' : 'POST', body: body === undefined ? undefined : JSON.stringify(body) });

describe('fake Mastodon: reads', () => {
  it('is deterministic for a seed', async () => {
    const a = await start({ seed: 9 });
    const first = (await (await api(a, '/api/v1/admin/reports?limit=200')).text()).replaceAll(a.url, 'BASE');
    await a.close();
    const b = await start({ seed: 9 });
    const second = (await (await api(b, '/api/v1/admin/reports?limit=200')).text()).replaceAll(b.url, 'BASE');
    expect(second).toBe(first);
  });

  it('formats Link headers like Mastodon and paginates with max_id, since_id and min_id', async () => {
    const f = await start({ reports: 10 });
    for (const r of f.state.reports.values()) r.actionTakenAt = null; // all open: ids 10..1
    const res = await api(f, '/api/v1/admin/reports?limit=3');
    expect(res.headers.get('link')).toBe(
      `<${f.url}/api/v1/admin/reports?limit=3&max_id=8>; rel="next", <${f.url}/api/v1/admin/reports?limit=3&min_id=10>; rel="prev"`,
    );
    const ids = async (q: string) => ((await (await api(f, `/api/v1/admin/reports?${q}`)).json()) as Array<{ id: string }>).map((r) => r.id);
    expect(await ids('limit=3&max_id=8')).toEqual(['7', '6', '5']);
    expect(await ids('limit=3&since_id=4')).toEqual(['10', '9', '8']);
    expect(await ids('limit=3&min_id=4')).toEqual(['7', '6', '5']);
    const last = await api(f, '/api/v1/admin/reports?limit=3&max_id=2');
    expect(last.headers.get('link')).toBe(`<${f.url}/api/v1/admin/reports?limit=3&min_id=1>; rel="prev"`);
  });

  it('filters by resolved, reporter and target', async () => {
    const f = await start({ reports: 30 });
    const all = [...f.state.reports.values()];
    const list = async (q: string) => (await (await api(f, `/api/v1/admin/reports?limit=200&${q}`)).json()) as Array<{ id: string; action_taken: boolean }>;
    expect((await list('resolved=true')).length).toBe(all.filter((r) => r.actionTakenAt).length);
    expect((await list('resolved=false')).every((r) => !r.action_taken)).toBe(true);
    const target = all[0].targetId;
    const open = all.filter((r) => r.targetId === target && !r.actionTakenAt).length;
    expect((await list(`target_account_id=${target}`)).length).toBe(open);
  });

  it('serves media: images with their type and size, a tiny video, and 404 after a reject_media block', async () => {
    const f = await start();
    const report = await (await api(f, '/api/v1/admin/reports/6')).json();
    const media = report.statuses[0].media_attachments[0];
    const img = await fetch(media.url);
    expect(img.headers.get('content-type')).toMatch(/^image\/(png|jpeg)$/);
    const meta = await sharp(Buffer.from(await img.arrayBuffer())).metadata();
    expect([meta.width, meta.height]).toEqual([media.meta.original.width, media.meta.original.height]);
    const video = (await (await api(f, '/api/v1/admin/reports/4')).json()).statuses[0].media_attachments[0];
    expect((await fetch(video.url)).headers.get('content-type')).toBe('video/mp4');
    expect((await fetch(video.preview_url)).headers.get('content-type')).toBe('image/png');
    await api(f, '/api/v1/admin/domain_blocks', { method: 'POST', body: new URLSearchParams({ domain: report.target_account.domain, reject_media: 'true' }) });
    expect((await fetch(media.url)).status).toBe(404);
  });
});

describe('fake Mastodon: auth, scopes, rate limits', () => {
  it('answers 401, 403 for a missing scope and 403 for a missing role permission', async () => {
    const f = await start({ scopes: ['read', 'admin:read:reports'], rolePermissions: { manageReports: true, manageUsers: false, manageFederation: true } });
    const bad = await api(f, '/api/v1/admin/reports', { token: 'nope' });
    expect([bad.status, await bad.json()]).toEqual([401, { error: 'The access token is invalid' }]);
    const noScope = await api(f, '/api/v1/admin/reports/1/resolve', { method: 'POST' });
    expect([noScope.status, await noScope.json()]).toEqual([403, { error: 'This action is not allowed' }]);
    const noRole = await api(f, `/api/v1/admin/accounts/${f.state.adminId}`);
    expect(noRole.status).toBe(403);
    expect((await api(f, '/api/v1/admin/reports/1')).status).toBe(200);
    await control(f, 'auth', { scopes: ['read'] });
    expect((await api(f, '/api/v1/admin/reports/1')).status).toBe(403);
  });

  it('sends X-RateLimit headers and 429 when exhausted', async () => {
    const f = await start({ rateLimit: { limit: 2, windowMs: 60_000 } });
    const first = await api(f, '/api/v1/instance');
    expect(first.headers.get('x-ratelimit-limit')).toBe('2');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('1');
    expect(Date.parse(first.headers.get('x-ratelimit-reset')!)).toBeGreaterThan(Date.now());
    await api(f, '/api/v1/instance');
    const third = await api(f, '/api/v1/instance');
    expect([third.status, await third.json()]).toEqual([429, { error: 'Too many requests' }]);
    await control(f, 'rate-limit', { remaining: 5, limit: 10 });
    expect((await api(f, '/api/v1/instance')).headers.get('x-ratelimit-remaining')).toBe('4');
  });
});

describe('fake Mastodon: writes and the control API', () => {
  it('accepts JSON and form bodies, records every admin write, and resets records', async () => {
    const f = await start();
    await api(f, '/api/v1/admin/reports/2', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ category: 'violation', rule_ids: ['2'] }) });
    await api(f, '/api/v1/admin/reports/2', { method: 'PUT', body: new URLSearchParams([['category', 'violation'], ['rule_ids[]', '1'], ['rule_ids[]', '4']]) });
    const bad = await api(f, '/api/v1/admin/reports/2', { method: 'PUT', body: new URLSearchParams({ category: 'bogus' }) });
    expect(bad.status).toBe(422);
    const records = await (await control(f, 'records')).json();
    expect(records.map((r: { body: unknown; status: number }) => [r.body, r.status])).toEqual([
      [{ category: 'violation', rule_ids: ['2'] }, 200],
      [{ category: 'violation', rule_ids: ['1', '4'] }, 200],
      [{ category: 'bogus' }, 422],
    ]);
    expect(f.state.reports.get('2')?.ruleIds).toEqual(['1', '4']);
    await control(f, 'reset-records', {});
    expect(await (await control(f, 'records')).json()).toEqual([]);
  });

  it('handles domain blocks: create, duplicate 422, show, update, list, delete', async () => {
    const f = await start();
    const form = (o: Record<string, string>) => ({ method: 'POST', body: new URLSearchParams(o) });
    const created = await (await api(f, '/api/v1/admin/domain_blocks', form({ domain: 'badplace.test', severity: 'silence', obfuscate: '1' }))).json();
    expect(created).toMatchObject({ domain: 'badplace.test', severity: 'silence', obfuscate: true, reject_media: false, digest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const dup = await api(f, '/api/v1/admin/domain_blocks', form({ domain: 'badplace.test' }));
    expect(dup.status).toBe(422);
    expect((await dup.json()).existing_domain_block.id).toBe(created.id);
    const updated = await (await api(f, `/api/v1/admin/domain_blocks/${created.id}`, { method: 'PUT', body: new URLSearchParams({ severity: 'suspend' }) })).json();
    expect(updated.severity).toBe('suspend');
    expect((await (await api(f, '/api/v1/admin/domain_blocks')).json())).toHaveLength(1);
    expect((await api(f, `/api/v1/admin/domain_blocks/${created.id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await api(f, `/api/v1/admin/domain_blocks/${created.id}`)).status).toBe(404);
  });

  it('refuses unsuspend for an account that is not suspended', async () => {
    const f = await start();
    const res = await api(f, `/api/v1/admin/accounts/${f.state.targetIds[0]}/unsuspend`, { method: 'POST' });
    expect(res.status).toBe(403);
  });

  it('adds reports, breaks one on request, and summarizes state', async () => {
    const f = await start();
    const added = await (await control(f, 'reports', { comment: 'added', statusCount: 1, mediaTypes: ['image'] })).json();
    expect(added).toMatchObject({ id: '13', comment: 'added', action_taken: false });
    expect(added.statuses[0].media_attachments).toHaveLength(1);
    await control(f, 'malformed', { reportId: '13' });
    expect((await (await api(f, '/api/v1/admin/reports/13')).json()).target_account).toBeUndefined();
    await control(f, 'malformed', { reportId: '13', kind: 'id_object' });
    expect((await (await api(f, '/api/v1/admin/reports/13')).json()).id).toEqual({ $oid: '13' });
    expect((await control(f, 'malformed', { reportId: '999' })).status).toBe(404);
    const summary = await (await control(f, 'state')).json();
    expect(summary.reports.total).toBe(13);
    expect(summary.malformed).toEqual({ 13: 'id_object' });
    expect((await control(f, 'webhook', { targetUrl: 'http://127.0.0.1:9/x', secret: 's', event: 'report.created', reportId: '999' })).status).toBe(404);
    expect((await control(f, 'reports', { statusCount: 'many' })).status).toBe(400);
  });
});
