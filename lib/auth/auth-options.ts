/**
 * next-auth v4 configuration: email + password (Credentials provider), JWT sessions holding only the user id and
 * the user's session version at sign-in (checked on every request in current-actor.ts, so bumping the version ends
 * every session of that user, however long the cookie would still be valid), plus a session id that a plain
 * sign-out puts on a deny list (revoke-session.ts), so a copied cookie dies with the session it belonged to.
 * Async because the signing secret is derived from the master key (lib/crypto/master-key.ts).
 *
 * NEXTAUTH_URL is not required: without it next-auth assumes http://localhost:3000 for the redirect URLs it
 * builds, so the `redirect` callback rebases every redirect onto the configured app URL instead, and our
 * pages call signIn/signOut with `redirect: false` and navigate themselves.
 */
import crypto from 'node:crypto';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { appUrl } from '@/lib/env';
import { deriveKey } from '@/lib/crypto/master-key';
import { logger } from '@/lib/log/logger';
import { clientIp, headerGetterFromRecord } from './client-ip';
import { revokeSession } from './revoke-session';
import { signIn } from './sign-in';

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** Error codes the sign-in page maps to messages (next-auth passes them through as `?error=`). */
export const SIGN_IN_ERRORS = { rateLimited: 'RateLimited', disabled: 'AccountDisabled', invalid: 'CredentialsSignin' } as const;

const log = logger('auth');
const credentialsSchema = z.object({ email: z.string().max(320), password: z.string().max(4096) });

let secret: Promise<string> | null = null;

const versionSchema = z.object({ sessionVersion: z.number().int() });
const endedSessionSchema = z.object({ sid: z.uuid(), sub: z.uuid(), exp: z.number() });

/** A token without a readable version gets -1, which matches no user: fail closed. */
function sessionVersionOf(user: unknown): number {
  const parsed = versionSchema.safeParse(user);
  return parsed.success ? parsed.data.sessionVersion : -1;
}

function sessionSecret(): Promise<string> {
  secret ??= deriveKey('session').then(
    (key) => key.toString('hex'),
    (e: unknown) => {
      secret = null; // retry on the next request instead of caching a failure
      throw e;
    },
  );
  return secret;
}

/** Keeps redirects on our own origin: relative paths and our URLs are rebased, anything else goes home. */
export function rebaseRedirect(url: string, baseUrl: string, app = appUrl()): string {
  const home = new URL(app);
  if (url.startsWith('/') && !url.startsWith('//')) return new URL(url, home).toString();
  try {
    const u = new URL(url);
    if (u.origin === home.origin || u.origin === baseUrl) return new URL(`${u.pathname}${u.search}${u.hash}`, home).toString();
  } catch {
    // not a URL: fall through
  }
  return home.toString();
}

async function authorize(credentials: Record<string, unknown> | undefined, req: { headers?: Record<string, unknown> }) {
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const ip = clientIp(headerGetterFromRecord(req.headers));
  const result = await signIn({ ...parsed.data, ip });
  if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name, sessionVersion: result.user.sessionVersion };
  // Thrown messages reach the client as `error`, which lets the page say why without leaking anything else.
  if (result.reason === 'rate_limited') throw new Error(SIGN_IN_ERRORS.rateLimited);
  if (result.reason === 'disabled') throw new Error(SIGN_IN_ERRORS.disabled);
  return null;
}

export async function getAuthOptions(): Promise<NextAuthOptions> {
  return {
    secret: await sessionSecret(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/signin', error: '/signin' },
    useSecureCookies: appUrl().startsWith('https://'),
    providers: [
      CredentialsProvider({
        name: 'Email',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        authorize,
      }),
    ],
    callbacks: {
      // `user` is what authorize returned, present only at sign-in; later calls carry the token's own values.
      // `sid` names this session for its whole life (next-auth's own jti changes whenever the cookie is re-issued).
      jwt: ({ token, user }) => (user ? { sub: user.id, sv: sessionVersionOf(user), sid: crypto.randomUUID() } : { sub: token.sub, sv: token.sv, sid: token.sid }),
      session: ({ session, token }) => ({ expires: session.expires, user: { id: token.sub ?? '' }, sessionVersion: token.sv, sessionId: token.sid }),
      redirect: ({ url, baseUrl }) => rebaseRedirect(url, baseUrl),
    },
    events: {
      signOut: async ({ token }) => {
        const ended = endedSessionSchema.safeParse(token);
        if (ended.success) await revokeSession({ sessionId: ended.data.sid, userId: ended.data.sub, expiresAt: new Date(ended.data.exp * 1000) });
      },
    },
    logger: {
      error: (code, metadata) => log.error(`next-auth ${code}`, { message: metadata instanceof Error ? metadata.message : undefined }),
      // NEXTAUTH_URL is deliberately unset (see above); other warnings are worth seeing.
      warn: (code) => {
        if (code !== 'NEXTAUTH_URL') log.warn(`next-auth ${code}`);
      },
      debug: () => {},
    },
  };
}
