/**
 * next-auth v4 configuration: email + password (Credentials provider), JWT sessions holding only the user id and
 * the user's session version at sign-in (checked on every request in current-actor.ts, so bumping the version ends
 * every session of that user, however long the cookie would still be valid), plus a session id that a plain
 * sign-out puts on a deny list (revoke-session.ts), so a copied cookie dies with the session it belonged to.
 * Async because the signing secret is derived from the master key (lib/crypto/master-key.ts).
 *
 * NEXTAUTH_URL: the web server sets it from APP_URL (scripts/web-server.ts), since next-auth builds the absolute
 * URLs of its own error redirects from it (single sign-on). The `redirect` callback still rebases every redirect
 * onto the app URL, and our pages call signIn/signOut with `redirect: false` and navigate themselves.
 */
import type { NextAuthOptions } from 'next-auth';
import { z } from 'zod';
import { appUrl } from '@/lib/env';
import { deriveKey } from '@/lib/crypto/master-key';
import { logger } from '@/lib/log/logger';
import { credentialsProvider } from './credentials-provider';
import { revokeSession } from './revoke-session';
import { jwtCallback, sessionCallback } from './sessions/session-callbacks';
import { ssoProvider } from './sso/oidc-provider';
import { ssoSignInGate } from './sso/sso-sign-in-gate';

import { SESSION_MAX_AGE_SECONDS } from './session-age';

export { SESSION_MAX_AGE_SECONDS };

export { SIGN_IN_ERRORS } from './sign-in-errors';

const log = logger('auth');

let secret: Promise<string> | null = null;

const endedSessionSchema = z.object({ sid: z.uuid(), sub: z.uuid(), exp: z.number() });

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

export async function getAuthOptions(): Promise<NextAuthOptions> {
  const sso = await ssoProvider();
  return {
    secret: await sessionSecret(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/signin', error: '/signin' },
    useSecureCookies: appUrl().startsWith('https://'),
    // Password (with the second factor) always; single sign-on when an admin configured an issuer.
    providers: [credentialsProvider(), ...(sso ? [sso] : [])],
    callbacks: {
      signIn: ssoSignInGate,
      jwt: jwtCallback,
      session: sessionCallback,
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
