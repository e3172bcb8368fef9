/**
 * Drives next-auth's core handler with our options (no Next server): CSRF token, credentials callback,
 * session read-back. Checks the session carries only the user id and errors surface as codes.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { NextAuthOptions } from 'next-auth';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { getAuthOptions, rebaseRedirect } from '@/lib/auth/auth-options';
import { resetEnvCache } from '@/lib/env';
import { makeUser, PASSWORD } from './auth-fixtures';

// The X-Real-IP below counts only when it comes from a configured proxy (lib/auth/trusted-proxies.ts).
process.env.TRUSTED_PROXIES = '127.0.0.1';
resetEnvCache();

type Jar = Record<string, string>;

interface InternalResponse<B> {
  status?: number;
  body?: B;
  redirect?: string;
  cookies?: { name: string; value: string }[];
}
type Handler = <B>(p: { req: Record<string, unknown>; options: NextAuthOptions }) => Promise<InternalResponse<B>>;

// next-auth does not export its core; the route handler itself needs a live Next request scope.
const { AuthHandler } = createRequire(import.meta.url)(path.resolve('node_modules/next-auth/core/index.js')) as { AuthHandler: Handler };

function absorb(jar: Jar, cookies: { name: string; value: string }[] | undefined): void {
  for (const c of cookies ?? []) jar[c.name] = c.value;
}

async function signInThroughNextAuth(email: string, password: string) {
  const options = await getAuthOptions();
  const jar: Jar = {};
  const headers = { host: '127.0.0.1:3000', 'x-real-ip': '198.51.100.7' };
  const csrf = await AuthHandler<{ csrfToken: string }>({ req: { action: 'csrf', method: 'GET', headers, cookies: jar }, options });
  absorb(jar, csrf.cookies);
  const callback = await AuthHandler({
    req: { action: 'callback', providerId: 'credentials', method: 'POST', headers, cookies: { ...jar }, body: { email, password, csrfToken: csrf.body!.csrfToken, callbackUrl: '/queue', json: 'true' }, query: {} },
    options,
  });
  absorb(jar, callback.cookies);
  const session = await AuthHandler<Record<string, unknown>>({ req: { action: 'session', method: 'GET', headers, cookies: { ...jar } }, options: await getAuthOptions() });
  return { callback, session: session.body, jar };
}

describe('next-auth wiring', () => {
  it('signs in with credentials and the session holds only the user id', async () => {
    const user = await makeUser('wired@example.org', 'moderator');
    const { callback, session, jar } = await signInThroughNextAuth('wired@example.org', PASSWORD);
    expect(callback.status ?? 200).toBe(200);
    expect(callback.redirect).toMatch(/\/queue$/);
    expect(Object.keys(jar).some((k) => k.includes('session-token'))).toBe(true);
    expect(session).toMatchObject({ user: { id: user.id } });
    expect(Object.keys((session as { user: object }).user)).toEqual(['id']);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'auth.sign_in', actorId: user.id } });
    expect(audit.ip).toBe('198.51.100.7');
  });

  it('reports bad credentials and lockouts as error codes', async () => {
    await makeUser('locked@example.org', 'viewer');
    const bad = await signInThroughNextAuth('locked@example.org', 'wrong password!');
    expect(bad.callback.status).toBe(401);
    expect(new URL(bad.callback.redirect!).searchParams.get('error')).toBe('CredentialsSignin');
    expect(bad.session).toEqual({});
    for (let i = 0; i < 4; i++) await signInThroughNextAuth('locked@example.org', 'wrong password!');
    const locked = await signInThroughNextAuth('locked@example.org', PASSWORD);
    expect(new URL(locked.callback.redirect!).searchParams.get('error')).toBe('RateLimited');
  });

  it('keeps redirects on the app origin', () => {
    const app = 'http://127.0.0.1:4000';
    expect(rebaseRedirect('/queue', 'http://localhost:3000', app)).toBe('http://127.0.0.1:4000/queue');
    expect(rebaseRedirect('http://localhost:3000/signin?x=1', 'http://localhost:3000', app)).toBe('http://127.0.0.1:4000/signin?x=1');
    expect(rebaseRedirect('https://evil.test/phish', 'http://localhost:3000', app)).toBe('http://127.0.0.1:4000/');
    expect(rebaseRedirect('//evil.test', 'http://localhost:3000', app)).toBe('http://127.0.0.1:4000/');
  });
});
