import { afterEach, describe, expect, it } from 'vitest';
import { startFakeGoToSocial, type FakeGoToSocial } from './server';

let fake: FakeGoToSocial | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function start(opts: Parameters<typeof startFakeGoToSocial>[0] = {}) {
  fake = await startFakeGoToSocial({ port: 0, host: '127.0.0.1', ...opts });
  return fake;
}

function api(f: FakeGoToSocial, path: string, init: RequestInit = {}, token = f.token) {
  return fetch(f.url + path, { ...init, headers: { Authorization: `Bearer ${token}`, ...(init.headers ?? {}) } });
}

function control(f: FakeGoToSocial, path: string, body?: unknown) {
  return fetch(`${f.url}/__fake/${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });
}

describe('fake GoToSocial', () => {
  it('seeds deterministically: same seed, same ULIDs and reports', async () => {
    const a = await start({ seed: 9, reports: 5 });
    const first = await (await api(a, '/api/v1/admin/reports?resolved=false')).json();
    await a.close();
    const b = await start({ seed: 9, reports: 5 });
    const second = await (await api(b, '/api/v1/admin/reports?resolved=false')).json();
    const strip = (list: Array<Record<string, unknown>>) => JSON.stringify(list).replaceAll(/127\.0\.0\.1:\d+/g, 'host');
    expect(strip(second)).toEqual(strip(first));
    expect((first as Array<{ id: string }>)[0].id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it('answers 401 and 403 with {"error"} bodies', async () => {
    const f = await start({ reports: 1 });
    const bad = await api(f, '/api/v1/admin/reports', {}, 'nope');
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ error: 'Unauthorized: token not supplied or invalid' });
    await control(f, 'auth', { scopes: ['read', 'admin:read:reports'] });
    expect((await api(f, '/api/v1/admin/reports')).status).toBe(200);
    const write = await api(f, '/api/v1/admin/media_cleanup?remote_cache_days=1', { method: 'POST' });
    expect(write.status).toBe(403);
    expect((await write.json()).error).toMatch(/^Forbidden: token has insufficient scope/);
  });

  it('pages with Link headers (default 20) until an empty page', async () => {
    const f = await start({ reports: 45 });
    let path: string | null = '/api/v1/admin/reports';
    const seen: string[] = [];
    let pages = 0;
    while (path && pages < 10) {
      const res = await api(f, path);
      const list = (await res.json()) as Array<{ id: string }>;
      expect(list.length).toBeLessThanOrEqual(20);
      seen.push(...list.map((r) => r.id));
      const next = /<([^>]+)>; rel="next"/.exec(res.headers.get('link') ?? '')?.[1];
      path = next ? next.slice(f.url.length) : null;
      pages++;
    }
    expect(pages).toBe(4); // 20 + 20 + 5, then an empty page with no Link
    expect(new Set(seen).size).toBe(45);
  });

  it('sends ISO X-Ratelimit-Reset and a 429 once the window is used up', async () => {
    const f = await start({ reports: 1 });
    const ok = await api(f, '/api/v1/instance');
    expect(ok.headers.get('x-ratelimit-limit')).toBe('300');
    expect(Number.isFinite(Date.parse(ok.headers.get('x-ratelimit-reset') ?? ''))).toBe(true);
    expect(ok.headers.get('x-ratelimit-reset')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await control(f, 'rate-limit', { remaining: 0, times: 1 });
    const limited = await api(f, '/api/v1/instance');
    expect(limited.status).toBe(429);
    expect((await limited.json()).error).toMatch(/^Too Many Requests/);
    expect((await api(f, '/api/v1/instance')).status).toBe(200);
  });

  it('records admin writes, answers 409 for a running action and 400 for other action types', async () => {
    const f = await start({ reports: 2 });
    const target = f.state.targetIds[0];
    const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
    const other = await api(f, `/api/v1/admin/accounts/${target}/action`, { method: 'POST', headers: form, body: 'type=silence' });
    expect(other.status).toBe(400);
    await control(f, 'running-action', { accountId: target });
    const conflict = await api(f, `/api/v1/admin/accounts/${target}/action`, { method: 'POST', headers: form, body: 'type=suspend' });
    expect(conflict.status).toBe(409);
    await control(f, 'running-action', { accountId: target, running: false });
    const done = await api(f, `/api/v1/admin/accounts/${target}/action`, { method: 'POST', headers: form, body: 'type=suspend&text=x' });
    expect(await done.json()).toEqual({ message: 'OK' });
    const records = (await (await control(f, 'records')).json()) as Array<{ status: number; body: unknown }>;
    expect(records.map((r) => r.status)).toEqual([400, 409, 200]);
    const summary = await (await control(f, 'state')).json();
    expect(summary.suspended).toEqual([{ id: target, acct: expect.any(String) }]);
  });

  it('serves synthetic media and prunes old remote copies on media_cleanup', async () => {
    const f = await start({ reports: 0 });
    const remoteTarget = f.state.targetIds.find((id) => f.state.accounts.get(id)?.domain)!;
    const report = f.addReport({ targetAccountId: remoteTarget, statusCount: 1, mediaCount: 1, createdAt: '2020-01-01T00:00:00.000Z' });
    const media = (report.statuses as Array<{ media_attachments: Array<{ url: string; remote_url: string }> }>)[0].media_attachments[0];
    const before = await fetch(media.url);
    expect(before.headers.get('content-type')).toBe('image/png');
    expect((await before.arrayBuffer()).byteLength).toBeGreaterThan(0);
    const res = await api(f, '/api/v1/admin/media_cleanup?remote_cache_days=30', { method: 'POST' });
    expect(await res.json()).toBe(30);
    expect((await fetch(media.url)).status).toBe(404);
    expect(f.state.cleanups[0].pruned).toHaveLength(1);
  });

  it('serves a malformed report on request, and 404s unknown routes', async () => {
    const f = await start({ reports: 3 });
    const id = [...f.state.reports.keys()][0];
    expect((await control(f, 'malformed', { reportId: id, kind: 'missing_target' })).status).toBe(200);
    const report = await (await api(f, `/api/v1/admin/reports/${id}`)).json();
    expect(report.target_account).toBeUndefined();
    expect((await api(f, '/api/v1/admin/reports/01JNOTAREPORT0000000000000')).status).toBe(404);
    expect((await api(f, '/api/v1/admin/nothing')).status).toBe(404);
  });
});
