/**
 * The session route handlers through the real choke point: requireApiActor → actorForSession → the AuthSession row.
 * Only Next's request scope is faked (the session getServerSession would read, the request headers). Own sessions
 * only; another user's session id is 404; ending the current one says so; CSRF stays on for the writes.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { appUrl } from '@/lib/env';
import { startSession } from '@/lib/auth/sessions/start-session';
import { sessionListSchema } from '@/lib/auth/sessions/types';
import { makeUser, PASSWORD } from './auth-fixtures';
import { routeParams } from './support/route-requests';

const state = vi.hoisted(() => ({ session: null as unknown }));
vi.mock('next-auth', async (orig) => ({ ...(await orig<object>()), getServerSession: vi.fn(async () => state.session) }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0' }) }));

const listRoute = await import('@/app/api/me/sessions/route');
const oneRoute = await import('@/app/api/me/sessions/[id]/route');
const othersRoute = await import('@/app/api/me/sessions/end-others/route');
const passwordRoute = await import('@/app/api/me/password/route');

const request = (path: string, method: string, body?: unknown, origin: string | null = appUrl()) =>
  new Request(`${appUrl()}${path}`, {
    method,
    headers: { ...(origin ? { origin } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

async function signedIn(email: string) {
  const user = await makeUser(email, 'viewer');
  const current = await startSession({ userId: user.id, method: 'password+totp' });
  const others = [await startSession({ userId: user.id, method: 'password' }), await startSession({ userId: user.id, method: 'sso' })];
  state.session = { user: { id: user.id }, sessionVersion: user.sessionVersion, sessionId: current };
  return { user, current, others };
}

const live = (userId: string) => db.authSession.count({ where: { userId, endedAt: null } });

beforeEach(() => {
  state.session = null;
});

describe('/api/me/sessions', () => {
  it('lists only one\'s own live sessions, this one marked', async () => {
    const stranger = await makeUser('route-stranger@example.org', 'admin');
    await startSession({ userId: stranger.id, method: 'password' });
    const { current, others } = await signedIn('route-list@example.org');
    const res = await listRoute.GET(request('/api/me/sessions', 'GET'));
    expect(res.status).toBe(200);
    const { sessions } = sessionListSchema.parse(await res.json());
    expect(new Set(sessions.map((s) => s.id))).toEqual(new Set([current, ...others]));
    expect(sessions.find((s) => s.current)).toMatchObject({ id: current, method: 'password+totp', device: 'Firefox on Linux' });
    expect(JSON.stringify(sessions)).not.toContain('Gecko'); // the device hint, not the raw user agent
  });

  it('ends one session; another user\'s id is 404 and ending the current one says so', async () => {
    const stranger = await makeUser('route-stranger2@example.org', 'admin');
    const theirs = await startSession({ userId: stranger.id, method: 'password' });
    const { user, current, others } = await signedIn('route-one@example.org');
    const notMine = await oneRoute.DELETE(request(`/api/me/sessions/${theirs}`, 'DELETE'), routeParams({ id: theirs }));
    expect(notMine.status).toBe(404);
    expect(await live(stranger.id)).toBe(1);
    expect((await oneRoute.DELETE(request('/api/me/sessions/nope', 'DELETE'), routeParams({ id: 'nope' }))).status).toBe(400);
    const csrf = await oneRoute.DELETE(request(`/api/me/sessions/${others[0]}`, 'DELETE', undefined, 'https://evil.test'), routeParams({ id: others[0] }));
    expect(csrf.status).toBe(403);

    const res = await oneRoute.DELETE(request(`/api/me/sessions/${others[0]}`, 'DELETE'), routeParams({ id: others[0] }));
    expect(await res.json()).toEqual({ ok: true, current: false });
    expect(await live(user.id)).toBe(2);
    const mine = await oneRoute.DELETE(request(`/api/me/sessions/${current}`, 'DELETE'), routeParams({ id: current }));
    expect(await mine.json()).toEqual({ ok: true, current: true });
    // The session is gone, so the next request has no actor.
    expect((await listRoute.GET(request('/api/me/sessions', 'GET'))).status).toBe(401);
  });

  it('ends every other session and keeps this one', async () => {
    const { user, current } = await signedIn('route-others@example.org');
    const res = await othersRoute.POST(request('/api/me/sessions/end-others', 'POST'));
    expect(await res.json()).toEqual({ ok: true, ended: 2 });
    expect((await db.authSession.findMany({ where: { userId: user.id, endedAt: null } })).map((r) => r.id)).toEqual([current]);
    expect((await listRoute.GET(request('/api/me/sessions', 'GET'))).status).toBe(200);
  });

  it('signs out everywhere, this session included', async () => {
    const { user } = await signedIn('route-everywhere@example.org');
    expect((await listRoute.DELETE(request('/api/me/sessions', 'DELETE'))).status).toBe(200);
    expect(await live(user.id)).toBe(0);
    expect((await listRoute.GET(request('/api/me/sessions', 'GET'))).status).toBe(401);
  });

  it('a password change keeps this session and reports the others ended', async () => {
    const { user, current } = await signedIn('route-password@example.org');
    const res = await passwordRoute.POST(request('/api/me/password', 'POST', { currentPassword: PASSWORD, newPassword: 'brand new long passphrase 9' }));
    expect(await res.json()).toEqual({ ok: true, endedSessions: 2 });
    expect((await db.authSession.findMany({ where: { userId: user.id, endedAt: null } })).map((r) => r.id)).toEqual([current]);
    expect((await listRoute.GET(request('/api/me/sessions', 'GET'))).status).toBe(200);
  });

  it('refuses without a session', async () => {
    expect((await listRoute.GET(request('/api/me/sessions', 'GET'))).status).toBe(401);
    expect((await othersRoute.POST(request('/api/me/sessions/end-others', 'POST'))).status).toBe(401);
  });
});
