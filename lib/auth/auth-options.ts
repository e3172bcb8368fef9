/**
 * next-auth v4 configuration: email + password (Credentials provider), JWT sessions holding only the user id.
 * Async because the signing secret is derived from the master key (lib/crypto/master-key.ts).
 *
 * NEXTAUTH_URL is not required: without it next-auth assumes http://localhost:3000 for the redirect URLs it
 * builds, so the `redirect` callback rebases every redirect onto the configured app URL instead, and our
 * pages call signIn/signOut with `redirect: false` and navigate themselves.
 */
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { appUrl } from '@/lib/env';
import { deriveKey } from '@/lib/crypto/master-key';
import { logger } from '@/lib/log/logger';
import { clientIp, headerGetterFromRecord } from './client-ip';
import { signIn } from './sign-in';

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** Error codes the sign-in page maps to messages (next-auth passes them through as `?error=`). */
export const SIGN_IN_ERRORS = { rateLimited: 'RateLimited', disabled: 'AccountDisabled', invalid: 'CredentialsSignin' } as const;

const log = logger('auth');
const credentialsSchema = z.object({ email: z.string().max(320), password: z.string().max(4096) });

let secret: Promise<string> | null = null;

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
  if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name };
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
      jwt: ({ token, user }) => ({ sub: user?.id ?? token.sub }),
      session: ({ session, token }) => ({ expires: session.expires, user: { id: token.sub ?? '' } }),
      redirect: ({ url, baseUrl }) => rebaseRedirect(url, baseUrl),
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
