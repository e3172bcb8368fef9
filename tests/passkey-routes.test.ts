/**
 * The passkey route handlers against a real database and real verbs (the session layer is a stub applying the real
 * role rule): add through options + attestation, list, remove (the password is required and rate limited, every
 * other session ends, the removal is audited), and the sign-in options route before any session: a wrong password
 * or unknown email answers exactly like sign-in (401, generic message) and counts on sign-in's own counters.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { UserActor } from '@/lib/auth/current-actor';
import { hashPassword } from '@/lib/auth/password';
import { relyingParty } from '@/lib/auth/passkeys/relying-party';
import { MAX_FAILURES_PER_EMAIL, signIn } from '@/lib/auth/sign-in';
import { db } from '@/lib/db';
import { appUrl } from '@/lib/env';
import { actorFor } from './queue-fixtures';
import { routeParams } from './support/route-requests';
import { TestAuthenticator } from './support/webauthn-authenticator';

import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));

const optionsRoute = await import('@/app/api/me/passkeys/options/route');
const passkeysRoute = await import('@/app/api/me/passkeys/route');
const oneRoute = await import('@/app/api/me/passkeys/[id]/route');
const signInOptionsRoute = await import('@/app/api/auth/passkeys/options/route');

const PASSWORD = 'a long synthetic password';
const origin = new URL(appUrl()).origin;

function req(path: string, method: string, body?: unknown, from = origin): Request {
  return new Request(`${origin}${path}`, {
    method,
    headers: { 'content-type': 'application/json', origin: from },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
async function read(res: Response | Promise<Response>) {
  const r = await res;
  return { status: r.status, body: (await r.json()) as Record<string, any> };
}

let passwordHash: string;
beforeAll(async () => { passwordHash = await hashPassword(PASSWORD); });
afterEach(() => { session.actor = null; });

async function signedIn(email: string, role: UserActor['role'] = 'viewer') {
  const user = await db.user.create({ data: { email, passwordHash, role } });
  const expiresAt = new Date(Date.now() + 3600_000);
  const [here, other1, other2] = await Promise.all([0, 1, 2].map(() => db.authSession.create({ data: { id: crypto.randomUUID(), userId: user.id, method: 'password', expiresAt } })));
  session.actor = { ...actorFor(user), sessionId: here.id };
  return { user, here, others: [other1, other2] };
}

async function addKey(name = 'Desk key') {
  const auth = new TestAuthenticator(relyingParty());
  const options = await read(optionsRoute.POST(req('/api/me/passkeys/options', 'POST')));
  expect(options.status).toBe(200);
  const added = await read(passkeysRoute.POST(req('/api/me/passkeys', 'POST', { name, response: auth.register(options.body.challenge) })));
  return { auth, added };
}

describe('/api/me/passkeys', () => {
  it('adds, lists and removes a passkey; removal needs the password and ends every other session', async () => {
    const { user, here, others } = await signedIn('routes@example.test');
    expect((await read(passkeysRoute.GET(req('/api/me/passkeys', 'GET')))).body.passkeys).toEqual([]);
    const { added } = await addKey();
    expect(added.status).toBe(201);
    const list = await read(passkeysRoute.GET(req('/api/me/passkeys', 'GET')));
    expect(list.body.passkeys).toEqual([{ id: added.body.passkey.id, name: 'Desk key', createdAt: expect.any(String), lastUsedAt: null }]);
    expect(JSON.stringify(list.body)).not.toMatch(/publicKey|credentialId/);

    const id = added.body.passkey.id as string;
    const wrong = await read(oneRoute.DELETE(req(`/api/me/passkeys/${id}`, 'DELETE', { password: 'not it' }), routeParams({ id })));
    expect(wrong).toMatchObject({ status: 400, body: { error: { message: 'The password is not correct.' } } });
    expect(await db.passkey.count({ where: { userId: user.id } })).toBe(1);
    expect(await db.authSession.count({ where: { userId: user.id, endedAt: null } })).toBe(3);

    const ok = await read(oneRoute.DELETE(req(`/api/me/passkeys/${id}`, 'DELETE', { password: PASSWORD }), routeParams({ id })));
    expect(ok).toEqual({ status: 200, body: { endedSessions: 2 } });
    expect(await db.passkey.count({ where: { userId: user.id } })).toBe(0);
    const sessions = await db.authSession.findMany({ where: { userId: user.id } });
    expect(sessions.find((s) => s.id === here.id)?.endedAt).toBeNull();
    for (const o of others) expect(sessions.find((s) => s.id === o.id)).toMatchObject({ endedAt: expect.any(Date), endedReason: 'factor_removed' });
    const events = await db.auditEvent.findMany({ where: { targetId: user.id, action: { startsWith: 'auth.passkey_' } }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(['auth.passkey_added', 'auth.passkey_removed']);
    expect(events[1].details).toMatchObject({ name: 'Desk key', endedSessions: 2 });
    expect(events[1].actorId).toBe(user.id);
  });

  it("cannot remove someone else's passkey, and locks out after repeated wrong passwords", async () => {
    await signedIn('owner-of-key@example.test');
    const { added } = await addKey();
    const id = added.body.passkey.id as string;
    await signedIn('intruder@example.test');
    expect((await read(oneRoute.DELETE(req(`/api/me/passkeys/${id}`, 'DELETE', { password: PASSWORD }), routeParams({ id })))).status).toBe(404);
    expect(await db.passkey.count({ where: { id } })).toBe(1);

    await signedIn('guesser@example.test');
    const mine = (await addKey()).added.body.passkey.id as string;
    for (let i = 0; i < 5; i++) {
      expect((await read(oneRoute.DELETE(req(`/api/me/passkeys/${mine}`, 'DELETE', { password: `guess ${i}` }), routeParams({ id: mine })))).status).toBe(400);
    }
    expect((await read(oneRoute.DELETE(req(`/api/me/passkeys/${mine}`, 'DELETE', { password: PASSWORD }), routeParams({ id: mine })))).status).toBe(429);
    expect(await db.passkey.count({ where: { id: mine } })).toBe(1);
  });

  it('refuses a bad name and an unsigned request', async () => {
    await signedIn('names@example.test');
    const options = await read(optionsRoute.POST(req('/api/me/passkeys/options', 'POST')));
    const auth = new TestAuthenticator(relyingParty());
    expect((await read(passkeysRoute.POST(req('/api/me/passkeys', 'POST', { name: 'x'.repeat(61), response: auth.register(options.body.challenge) })))).status).toBe(400);
    session.actor = null;
    expect((await read(passkeysRoute.GET(req('/api/me/passkeys', 'GET')))).status).toBe(401);
  });
});

describe('/api/auth/passkeys/options (sign-in, no session)', () => {
  it('answers a wrong password and an unknown email like sign-in, and counts the failures on sign-in’s counters', async () => {
    const { user } = await signedIn('signin-pk@example.test');
    await addKey();
    session.actor = null;
    const wrong = await read(signInOptionsRoute.POST(req('/api/auth/passkeys/options', 'POST', { email: user.email, password: 'wrong' })));
    const unknown = await read(signInOptionsRoute.POST(req('/api/auth/passkeys/options', 'POST', { email: 'nobody@example.test', password: 'wrong' })));
    expect(wrong).toEqual({ status: 401, body: { error: { code: 'unauthorized', message: 'The email or password is not right.' } } });
    expect(unknown).toEqual(wrong);
    expect(await db.auditEvent.count({ where: { action: 'auth.sign_in_failed', details: { path: ['email'], equals: user.email } } })).toBe(1);

    const right = await read(signInOptionsRoute.POST(req('/api/auth/passkeys/options', 'POST', { email: user.email.toUpperCase(), password: PASSWORD })));
    expect(right.status).toBe(200);
    expect(right.body.available).toBe(true);
    expect(right.body.options.allowCredentials).toHaveLength(1);
    expect(await db.authChallenge.count({ where: { userId: user.id, purpose: 'authenticate', challenge: right.body.options.challenge } })).toBe(1);
    // Not a sign-in: nothing says the user signed in yet.
    expect(await db.auditEvent.count({ where: { action: 'auth.sign_in', targetId: user.id } })).toBe(0);

    // One failure here, the rest on the sign-in form: the shared counter locks both out.
    for (let i = 1; i < MAX_FAILURES_PER_EMAIL; i++) expect((await signIn({ email: user.email, password: `nope ${i}`, ip: null })).ok).toBe(false);
    expect(await signIn({ email: user.email, password: PASSWORD, ip: null })).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect((await read(signInOptionsRoute.POST(req('/api/auth/passkeys/options', 'POST', { email: user.email, password: PASSWORD })))).status).toBe(429);
  });

  it('says unavailable when the user has no passkey, and refuses a cross-site request', async () => {
    const user = await db.user.create({ data: { email: 'nokey@example.test', passwordHash, role: 'viewer' } });
    expect(await read(signInOptionsRoute.POST(req('/api/auth/passkeys/options', 'POST', { email: user.email, password: PASSWORD })))).toEqual({ status: 200, body: { available: false } });
    const cross = await read(signInOptionsRoute.POST(req('/api/auth/passkeys/options', 'POST', { email: user.email, password: PASSWORD }, 'https://evil.example')));
    expect(cross.status).toBe(403);
  });
});
