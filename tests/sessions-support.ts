/** Drives next-auth's real core for the sessions-* tests: sign in with credentials, read a session from a cookie jar. */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { NextAuthOptions } from 'next-auth';
import { getAuthOptions } from '@/lib/auth/auth-options';
import { actorForSession } from '@/lib/auth/current-actor';

export type Jar = Record<string, string>;
interface InternalResponse<B> { status?: number; body?: B; redirect?: string; cookies?: { name: string; value: string }[] }
type Handler = <B>(p: { req: Record<string, unknown>; options: NextAuthOptions }) => Promise<InternalResponse<B>>;
// next-auth does not export its core; the route handler itself needs a live Next request scope.
const { AuthHandler } = createRequire(import.meta.url)(path.resolve('node_modules/next-auth/core/index.js')) as { AuthHandler: Handler };

const HEADERS = { host: '127.0.0.1:3000' };

export async function signInCookie(email: string, password: string): Promise<Jar> {
  const options = await getAuthOptions();
  const jar: Jar = {};
  const csrf = await AuthHandler<{ csrfToken: string }>({ req: { action: 'csrf', method: 'GET', headers: HEADERS, cookies: jar }, options });
  for (const c of csrf.cookies ?? []) jar[c.name] = c.value;
  const callback = await AuthHandler({
    req: { action: 'callback', providerId: 'credentials', method: 'POST', headers: HEADERS, cookies: { ...jar }, body: { email, password, csrfToken: csrf.body!.csrfToken, json: 'true' }, query: {} },
    options,
  });
  for (const c of callback.cookies ?? []) jar[c.name] = c.value;
  return jar;
}

/** What getServerSession reads from the cookie: { user: { id }, sessionVersion, sessionId }. */
export async function sessionOf(jar: Jar): Promise<{ user: { id: string }; sessionVersion: number; sessionId: string }> {
  const options = { ...(await getAuthOptions()), providers: [] };
  const session = await AuthHandler<{ user: { id: string }; sessionVersion: number; sessionId: string }>({ req: { action: 'session', method: 'GET', headers: HEADERS, cookies: { ...jar } }, options });
  return session.body!;
}

/** The app's own check of that session, as every request makes it. */
export async function actorFromCookie(jar: Jar, ip: string | null = '203.0.113.5', userAgent: string | null = null) {
  return actorForSession(await sessionOf(jar), ip, userAgent);
}

/** A plain sign-out through next-auth (its signOut event marks the row ended). */
export async function signOutCookie(jar: Jar): Promise<void> {
  const options = await getAuthOptions();
  const cookies = { ...jar };
  const csrf = await AuthHandler<{ csrfToken: string }>({ req: { action: 'csrf', method: 'GET', headers: HEADERS, cookies }, options });
  for (const c of csrf.cookies ?? []) cookies[c.name] = c.value;
  await AuthHandler({ req: { action: 'signout', method: 'POST', headers: HEADERS, cookies, body: { csrfToken: csrf.body!.csrfToken }, query: {} }, options });
}
