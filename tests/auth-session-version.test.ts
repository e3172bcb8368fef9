/**
 * Issue 8 point 5: a session cookie captured before sign-out-everywhere, a password change, a role change or a
 * disable must stop working at once, not after its 12 hours. Drives next-auth's real core (CSRF token, credentials
 * callback, JWT cookie) and reads the session back from the captured cookie exactly as getServerSession does, then
 * asks the app's choke point (actorForSession) who that cookie belongs to.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { NextAuthOptions } from 'next-auth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getAuthOptions } from '@/lib/auth/auth-options';
import { actorForSession } from '@/lib/auth/current-actor';
import { MAX_FAILURES_PER_IP } from '@/lib/auth/sign-in';
import { startSession } from '@/lib/auth/sessions/start-session';
import { resetEnvCache } from '@/lib/env';
import { changePassword } from '@/lib/users/change-password';
import { signOutEverywhere } from '@/lib/users/sign-out-everywhere';
import { updateUser } from '@/lib/users/update-user';
import { actorOf, makeUser, PASSWORD } from './auth-fixtures';

type Jar = Record<string, string>;
interface InternalResponse<B> { status?: number; body?: B; redirect?: string; cookies?: { name: string; value: string }[] }
type Handler = <B>(p: { req: Record<string, unknown>; options: NextAuthOptions }) => Promise<InternalResponse<B>>;
const { AuthHandler } = createRequire(import.meta.url)(path.resolve('node_modules/next-auth/core/index.js')) as { AuthHandler: Handler };

async function signInCookie(email: string, password: string, headers: Record<string, string> = { host: '127.0.0.1:3000' }) {
  const options = await getAuthOptions();
  const jar: Jar = {};
  const csrf = await AuthHandler<{ csrfToken: string }>({ req: { action: 'csrf', method: 'GET', headers, cookies: jar }, options });
  for (const c of csrf.cookies ?? []) jar[c.name] = c.value;
  const callback = await AuthHandler({
    req: { action: 'callback', providerId: 'credentials', method: 'POST', headers, cookies: { ...jar }, body: { email, password, csrfToken: csrf.body!.csrfToken, json: 'true' }, query: {} },
    options,
  });
  for (const c of callback.cookies ?? []) jar[c.name] = c.value;
  return { jar, callback };
}

/** What getServerSession does with a cookie, followed by the app's own check. */
async function actorFromCookie(jar: Jar) {
  const options = { ...(await getAuthOptions()), providers: [] };
  const session = await AuthHandler<Record<string, unknown>>({ req: { action: 'session', method: 'GET', headers: { host: '127.0.0.1:3000' }, cookies: { ...jar } }, options });
  return actorForSession(session.body, null);
}

describe('a captured session cookie dies with the session version', () => {
  it('works until the user signs out everywhere', async () => {
    const user = await makeUser('everywhere@example.org', 'moderator');
    const { jar } = await signInCookie(user.email, PASSWORD);
    const second = await signInCookie(user.email, PASSWORD); // another device
    expect((await actorFromCookie(jar))?.id).toBe(user.id);
    expect((await actorFromCookie(second.jar))?.id).toBe(user.id);
    await signOutEverywhere({ ctx: { actor: actorOf(user) } });
    expect(await actorFromCookie(jar)).toBeNull();
    expect(await actorFromCookie(second.jar)).toBeNull();
    // Signing in again gives a working session.
    expect((await actorFromCookie((await signInCookie(user.email, PASSWORD)).jar))?.id).toBe(user.id);
  });

  it('dies with a plain sign-out, while the same user\'s other sessions live on', async () => {
    const user = await makeUser('signout@example.org', 'moderator');
    const { jar } = await signInCookie(user.email, PASSWORD);
    const other = await signInCookie(user.email, PASSWORD);
    const captured = { ...jar }; // what an attacker copied before the user signed out
    const options = await getAuthOptions();
    const headers = { host: '127.0.0.1:3000' };
    const csrf = await AuthHandler<{ csrfToken: string }>({ req: { action: 'csrf', method: 'GET', headers, cookies: { ...jar } }, options });
    for (const c of csrf.cookies ?? []) jar[c.name] = c.value;
    await AuthHandler({ req: { action: 'signout', method: 'POST', headers, cookies: { ...jar }, body: { csrfToken: csrf.body!.csrfToken }, query: {} }, options });
    expect(await actorFromCookie(captured)).toBeNull();
    expect((await actorFromCookie(other.jar))?.id).toBe(user.id);
  });

  it('is refused after a password change', async () => {
    const user = await makeUser('pwchange@example.org', 'viewer');
    const { jar } = await signInCookie(user.email, PASSWORD);
    expect(await actorFromCookie(jar)).not.toBeNull();
    await changePassword({ ctx: { actor: actorOf(user) }, input: { currentPassword: PASSWORD, newPassword: 'another long passphrase 42' } });
    expect(await actorFromCookie(jar)).toBeNull();
  });

  it('is refused after a role change and after a disable', async () => {
    const owner = await makeUser('owner-sv@example.org', 'owner');
    const demoted = await makeUser('demoted@example.org', 'admin');
    const disabled = await makeUser('disabled-sv@example.org', 'moderator');
    const a = await signInCookie(demoted.email, PASSWORD);
    const b = await signInCookie(disabled.email, PASSWORD);
    expect(await actorFromCookie(a.jar)).not.toBeNull();
    expect(await actorFromCookie(b.jar)).not.toBeNull();
    await updateUser({ ctx: { actor: actorOf(owner) }, input: { userId: demoted.id, role: 'viewer' } });
    await updateUser({ ctx: { actor: actorOf(owner) }, input: { userId: disabled.id, disabled: true } });
    expect(await actorFromCookie(a.jar)).toBeNull();
    expect(await actorFromCookie(b.jar)).toBeNull();
    // Re-enabling does not revive the old cookie.
    await updateUser({ ctx: { actor: actorOf(owner) }, input: { userId: disabled.id, disabled: false } });
    expect(await actorFromCookie(b.jar)).toBeNull();
  });

  it('refuses a session that carries no version (issued before this check existed)', async () => {
    const user = await makeUser('legacy@example.org', 'viewer');
    const sessionId = '00000000-0000-4000-8000-00000000c0de';
    expect(await actorForSession({ user: { id: user.id } }, null)).toBeNull();
    expect(await actorForSession({ user: { id: user.id }, sessionVersion: 0 }, null)).toBeNull();
    // Issue 15: a session id with no AuthSession row (a cookie from before sessions were rows) is refused too.
    expect(await actorForSession({ user: { id: user.id }, sessionVersion: 0, sessionId }, null)).toBeNull();
    const live = await startSession({ userId: user.id, method: 'password' });
    expect(await actorForSession({ user: { id: user.id }, sessionVersion: 0, sessionId: live }, null)).not.toBeNull();
  });
});

describe('the per-IP sign-in limit and proxy headers', () => {
  const saved = process.env.TRUSTED_PROXIES;
  beforeEach(() => {
    process.env.TRUSTED_PROXIES = '10.0.0.0/8';
    resetEnvCache();
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.TRUSTED_PROXIES;
    else process.env.TRUSTED_PROXIES = saved;
    resetEnvCache();
  });

  it('is not bypassed by a fresh X-Forwarded-For or X-Real-IP per attempt', async () => {
    const victim = await makeUser('sprayed@example.org', 'viewer');
    // The proxy (10.0.0.1) appends the address it saw; everything left of it, and X-Real-IP, the client made up.
    const attempt = (i: number, email: string, password: string) =>
      signInCookie(email, password, { host: '127.0.0.1:3000', 'x-forwarded-for': `192.0.2.${i % 250}, 203.0.113.66`, 'x-real-ip': `198.51.100.${i % 250}` });
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) await attempt(i, `nobody${i}@example.org`, 'wrong password!');
    const last = await attempt(999, victim.email, PASSWORD);
    expect(new URL(last.callback.redirect!).searchParams.get('error')).toBe('RateLimited');
  });
});
