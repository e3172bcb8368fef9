/**
 * The notification hook routes against a real database: admins only (viewers and moderators get 403, no session
 * 401), clear 400s, the secret write-only (never in an answer or the audit log, kept when the form leaves it
 * empty, required again when the URL moves), a private address only for owners, and "Send test" against the
 * chat fake answering {ok, detail}.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { UserActor } from '@/lib/auth/current-actor';
import { db } from '@/lib/db';
import { startChatReceiver, type ChatReceiver } from '@/e2e/fakes/chat/server';
import { openHookSecret } from '@/lib/notify/hook-secret';
import type { NotifyHookView } from '@/lib/notify/types';
import { actorFor, makeUser } from './queue-fixtures';
import { jsonRequest as req, routeParams } from './support/route-requests';

import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));

const hooks = await import('@/app/api/notify/hooks/route');
const hook = await import('@/app/api/notify/hooks/[id]/route');
const test = await import('@/app/api/notify/hooks/[id]/test/route');

const SECRET = 'route-secret-8c1d44e0';
const ANY_ID = '00000000-0000-4000-8000-0000000000c1';
const id = (v: string) => routeParams({ id: v });
const body = async <T>(res: Response) => (await res.json()) as T;

let viewer: UserActor, moderator: UserActor, admin: UserActor, owner: UserActor;
let chat: ChatReceiver;

beforeAll(async () => {
  [viewer, moderator, admin, owner] = await Promise.all((['viewer', 'moderator', 'admin', 'owner'] as const).map(async (r) => actorFor(await makeUser(r))));
  chat = await startChatReceiver({ secret: SECRET, token: 'unused' });
});
afterAll(async () => chat.close());

const base = (over: Record<string, unknown> = {}) => ({ name: 'Chat', kind: 'json', url: 'https://chat.example/hook', secret: SECRET, enabled: true, events: ['hold.placed'], ...over });

describe('who may call', () => {
  const calls: [string, (r: Request) => Promise<Response>, string, string, unknown?][] = [
    ['list', (r) => hooks.GET(r), '/api/notify/hooks', 'GET'],
    ['create', (r) => hooks.POST(r), '/api/notify/hooks', 'POST', base()],
    ['patch', (r) => hook.PATCH(r, id(ANY_ID)), `/api/notify/hooks/${ANY_ID}`, 'PATCH', { enabled: false }],
    ['delete', (r) => hook.DELETE(r, id(ANY_ID)), `/api/notify/hooks/${ANY_ID}`, 'DELETE'],
    ['test', (r) => test.POST(r, id(ANY_ID)), `/api/notify/hooks/${ANY_ID}/test`, 'POST'],
  ];
  it.each(calls)('%s: 401 without a session, 403 for viewers and moderators', async (_n, call, path, method, b) => {
    session.actor = null;
    expect((await call(req(path, method, b))).status).toBe(401);
    for (const who of [viewer, moderator]) {
      session.actor = who;
      expect((await call(req(path, method, b))).status).toBe(403);
    }
    expect(await db.notifyHook.count({ where: { name: 'Chat' } })).toBe(0);
  });
});

describe('admins', () => {
  it('create, list, keep and replace the secret, delete: the secret never comes back', async () => {
    session.actor = admin;
    const created = await hooks.POST(req('/api/notify/hooks', 'POST', base()));
    expect(created.status).toBe(201);
    const createdText = await created.text();
    expect(createdText).not.toContain(SECRET);
    const { hook: view } = JSON.parse(createdText) as { hook: NotifyHookView };
    expect(view).toMatchObject({ name: 'Chat', kind: 'json', url: 'https://chat.example/hook', room: null, enabled: true, events: ['hold.placed'], pending: 0 });
    expect(view).not.toHaveProperty('secret');
    expect(view).not.toHaveProperty('secretSealed');

    const listed = await (await hooks.GET(req('/api/notify/hooks'))).text();
    expect(listed).not.toContain(SECRET);
    expect(listed).not.toContain('secretSealed');

    // Leaving the secret empty keeps it.
    const kept = await hook.PATCH(req(`/api/notify/hooks/${view.id}`, 'PATCH', { secret: '', events: ['hold.placed', 'hold.overdue'] }), id(view.id));
    expect(kept.status).toBe(200);
    expect((await body<{ hook: NotifyHookView }>(kept)).hook.events).toEqual(['hold.placed', 'hold.overdue']);
    const row = await db.notifyHook.findUniqueOrThrow({ where: { id: view.id } });
    expect(await openHookSecret(row.secretSealed, row.url)).toBe(SECRET);

    // Moving the URL without the secret is refused; with it, the secret is sealed to the new address.
    const moved = await hook.PATCH(req(`/api/notify/hooks/${view.id}`, 'PATCH', { url: 'https://elsewhere.example/hook' }), id(view.id));
    expect(moved.status).toBe(400);
    expect((await body<{ error: { message: string } }>(moved)).error.message).toMatch(/secret again/);
    const moved2 = await hook.PATCH(req(`/api/notify/hooks/${view.id}`, 'PATCH', { url: 'https://elsewhere.example/hook', secret: 'new-secret-value' }), id(view.id));
    expect(moved2.status).toBe(200);

    const audit = JSON.stringify(await db.auditEvent.findMany({ where: { targetId: view.id }, select: { action: true, details: true } }));
    expect(audit).toContain('notify_hook.created');
    expect(audit).toContain('notify_hook.updated');
    expect(audit).not.toContain(SECRET);
    expect(audit).not.toContain('new-secret-value');

    expect((await hook.DELETE(req(`/api/notify/hooks/${view.id}`, 'DELETE'), id(view.id))).status).toBe(200);
    expect(await db.auditEvent.count({ where: { targetId: view.id, action: 'notify_hook.deleted' } })).toBe(1);
    expect((await hook.DELETE(req(`/api/notify/hooks/${view.id}`, 'DELETE'), id(view.id))).status).toBe(404);
  });

  it('rejects bad input with a clear 400', async () => {
    session.actor = admin;
    for (const b of [base({ url: 'ftp://x.example' }), base({ events: [] }), base({ kind: 'matrix', room: null }), base({ secret: '' }), base({ extra: 1 }), '{nope']) {
      const res = await hooks.POST(req('/api/notify/hooks', 'POST', b));
      expect(res.status, JSON.stringify(b)).toBe(400);
    }
  });

  it('a private address is for owners; a name is unique', async () => {
    session.actor = admin;
    const local = base({ name: 'Local', url: `${chat.url}/hook`, allowPrivate: true });
    expect((await hooks.POST(req('/api/notify/hooks', 'POST', local))).status).toBe(403);
    session.actor = owner;
    const created = await hooks.POST(req('/api/notify/hooks', 'POST', local));
    expect(created.status).toBe(201);
    expect((await hooks.POST(req('/api/notify/hooks', 'POST', local))).status).toBe(409);
    const { hook: view } = await body<{ hook: NotifyHookView }>(created);

    // An admin may still change other things; the owner's exemption stays with the unchanged address.
    session.actor = admin;
    expect((await hook.PATCH(req(`/api/notify/hooks/${view.id}`, 'PATCH', { enabled: true }), id(view.id))).status).toBe(200);
    const res = await test.POST(req(`/api/notify/hooks/${view.id}/test`, 'POST'), id(view.id));
    expect(res.status).toBe(200);
    const answer = await res.text();
    expect(JSON.parse(answer)).toEqual({ ok: true, detail: 'The receiver accepted the test (HTTP 200).' });
    expect(answer).not.toContain(SECRET);
    expect(chat.records.json.at(-1)?.verified).toBe(true);
  });
});
