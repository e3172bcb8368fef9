/**
 * OWNER: TOTP helper (issue 15). The Credentials provider: email + password, then the second factor when the account
 * has one (TOTP code, recovery code, or a passkey assertion verified by lib/auth/passkeys/verify-passkey-sign-in.ts).
 * What authorize returns reaches jwtCallback as `user`: id, email, name, sessionVersion and `method` (SessionMethod).
 */
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { clientIp, headerGetterFromRecord } from './client-ip';
import { signIn } from './sign-in';
import { SIGN_IN_ERRORS } from './sign-in-errors';

const credentialsSchema = z.object({ email: z.string().max(320), password: z.string().max(4096) });

async function authorize(credentials: Record<string, unknown> | undefined, req: { headers?: Record<string, unknown> }) {
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const ip = clientIp(headerGetterFromRecord(req.headers));
  const result = await signIn({ ...parsed.data, ip });
  if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name, sessionVersion: result.user.sessionVersion, method: 'password' };
  // Thrown messages reach the client as `error`, which lets the page say why without leaking anything else.
  if (result.reason === 'rate_limited') throw new Error(SIGN_IN_ERRORS.rateLimited);
  if (result.reason === 'disabled') throw new Error(SIGN_IN_ERRORS.disabled);
  return null;
}

export function credentialsProvider() {
  return CredentialsProvider({
    name: 'Email',
    credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
    authorize,
  });
}
