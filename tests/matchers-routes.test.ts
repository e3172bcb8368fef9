/**
 * /api/matchers: admins only (the page is admin-only to read too), an owner alone may mark a local test host, and
 * the key is never in any answer, audit row or log-visible field: only sealed in the database, bound to its URL.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { UserActor } from '@/lib/auth/current-actor';
import { db } from '@/lib/db';
import { startFakeHashCloud, type FakeHashCloud } from '@/e2e/fakes/hash-cloud/server';
import { persistActor, userActor } from './support/fixtures';
import { jsonRequest, routeParams } from './support/route-requests';
import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));
const list = await import('@/app/api/matchers/route');
const one = await import('@/app/api/matchers/[id]/route');
const test = await import('@/app/api/matchers/[id]/test/route');

const KEY = 'super-secret-matcher-key-42';
const owner = userActor('owner', null, '00000000-0000-4000-8000-0000000000a1') as UserActor;
const admin = userActor('admin', null, '00000000-0000-4000-8000-0000000000a2') as UserActor;
let cloud: FakeHashCloud;
let id: string;
const answers: string[] = [];

const body = (baseUrl: string, extra: Record<string, unknown> = {}) => ({
  name: 'Cloud', kind: 'cloud', baseUrl, key: KEY, allowPrivate: true, enabled: true, instanceIds: [], signalTypes: ['pdq', 'md5'],
  severity: 5, label: 'csam', timeoutMs: 2000, perMinute: 60, ...extra,
});
async function call(res: Promise<Response>): Promise<{ status: number; data: Record<string, unknown> }> {
  const r = await res;
  const text = await r.text();
  answers.push(text);
  return { status: r.status, data: JSON.parse(text) as Record<string, unknown> };
}

beforeAll(async () => {
  cloud = await startFakeHashCloud({ key: KEY });
  await persistActor(owner);
  await persistActor(admin);
});
afterAll(async () => { await cloud.close(); });

describe('matcher routes', () => {
  it('refuse viewers and moderators, even to read', async () => {
    for (const role of ['viewer', 'moderator'] as const) {
      session.actor = userActor(role) as UserActor;
      expect((await call(list.GET(jsonRequest('/api/matchers')))).status).toBe(403);
      expect((await call(list.POST(jsonRequest('/api/matchers', 'POST', body(cloud.url))))).status).toBe(403);
    }
    session.actor = null;
    expect((await call(list.GET(jsonRequest('/api/matchers')))).status).toBe(401);
  });

  it('let only an owner allow a private address; an admin needs https', async () => {
    session.actor = admin;
    expect((await call(list.POST(jsonRequest('/api/matchers', 'POST', body(cloud.url))))).status).toBe(403);
    expect((await call(list.POST(jsonRequest('/api/matchers', 'POST', body('http://hash.example.test', { allowPrivate: false }))))).status).toBe(400);
    session.actor = owner;
    const created = await call(list.POST(jsonRequest('/api/matchers', 'POST', body(cloud.url))));
    expect(created.status).toBe(201);
    const m = created.data.matcher as Record<string, unknown>;
    expect(m).toMatchObject({ name: 'Cloud', kind: 'cloud', hasKey: true, circuit: 'closed', hits: 0 });
    expect(m).not.toHaveProperty('key');
    expect(m).not.toHaveProperty('keySealed');
    id = m.id as string;
  });

  it('let an admin list, test, change and delete it', async () => {
    session.actor = admin;
    const listed = await call(list.GET(jsonRequest('/api/matchers')));
    expect((listed.data.matchers as unknown[]).length).toBe(1);
    expect((await call(test.POST(jsonRequest(`/api/matchers/${id}/test`, 'POST'), routeParams({ id })))).data).toMatchObject({ ok: true });
    const patched = await call(one.PATCH(jsonRequest(`/api/matchers/${id}`, 'PATCH', { severity: 3, enabled: false }), routeParams({ id })));
    expect(patched.data.matcher).toMatchObject({ severity: 3, enabled: false, hasKey: true });
    // A new address without the key again is refused: the stored key never follows the URL elsewhere.
    expect((await call(one.PATCH(jsonRequest(`/api/matchers/${id}`, 'PATCH', { baseUrl: `${cloud.url}/v2` }), routeParams({ id })))).status).toBe(400);
    // A wrong key fails the test with words, not the key.
    await call(one.PATCH(jsonRequest(`/api/matchers/${id}`, 'PATCH', { key: 'another-wrong-key-77' }), routeParams({ id })));
    const failed = await call(test.POST(jsonRequest(`/api/matchers/${id}/test`, 'POST'), routeParams({ id })));
    expect(failed.data).toMatchObject({ ok: false });
    expect(String(failed.data.detail)).toMatch(/refused the key/);
    expect((await call(one.PATCH(jsonRequest(`/api/matchers/${id}`, 'PATCH', { bogus: 1 }), routeParams({ id })))).status).toBe(400);
    expect((await call(one.DELETE(jsonRequest(`/api/matchers/${id}`, 'DELETE'), routeParams({ id })))).status).toBe(200);
    expect(await db.outsideMatcher.count()).toBe(0);
  });

  it('never put the key in an answer or an audit row, and store it only sealed', async () => {
    for (const text of answers) {
      expect(text).not.toContain(KEY);
      expect(text).not.toContain('another-wrong-key-77');
    }
    const events = await db.auditEvent.findMany({ where: { action: { startsWith: 'matcher.' } } });
    expect(events.map((e) => e.action).sort()).toEqual(['matcher.created', 'matcher.deleted', 'matcher.updated', 'matcher.updated']);
    const all = JSON.stringify(events, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    expect(all).not.toContain(KEY);
    expect(all).not.toContain('another-wrong-key-77');
  });
});

describe('matchers CLI', () => {
  it('adds, lists, tests and removes a matcher without ever printing the key', async () => {
    const { runMatchersCommand } = await import('@/lib/matchers/cli-matchers');
    const lines: string[] = [];
    const out = (l: string) => lines.push(l);
    const warnings: string[] = [];
    const system = { type: 'system' as const, label: 'cli' };
    const args = (positional: string[], flags: Record<string, string | true>) => ({ positional: ['matchers', ...positional], flags });
    expect(await runMatchersCommand('add', args(['add'], { name: 'CLI cloud', kind: 'cloud', url: cloud.url, key: KEY, 'allow-private': true, signals: 'md5', json: true }), out, system, (l) => warnings.push(l))).toBe(0);
    const added = JSON.parse(lines.join('\n')) as { id: string; signalTypes: string[]; hasKey: boolean };
    expect(added).toMatchObject({ signalTypes: ['md5'], hasKey: true });
    expect(warnings.join()).toMatch(/--key-stdin/);
    lines.length = 0;
    expect(await runMatchersCommand('list', args(['list'], {}), out, system)).toBe(0);
    expect(await runMatchersCommand('test', args(['test', added.id], {}), out, system)).toBe(0);
    expect(await runMatchersCommand('set', args(['set', added.id], { disable: true }), out, system)).toBe(0);
    expect(lines.join('\n')).toMatch(/CLI cloud .*key:stored/);
    expect(lines.join('\n')).toMatch(/Connection: OK/);
    expect(lines.join('\n')).toMatch(/ off CLI cloud/);
    expect(await runMatchersCommand('remove', args(['remove', added.id], {}), out, system)).toBe(0);
    expect(lines.join('\n')).not.toContain(KEY);
  });
});
