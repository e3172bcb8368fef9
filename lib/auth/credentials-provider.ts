/**
 * The Credentials provider: email + password, then the second factor when the account has one (TOTP code, recovery
 * code, or a passkey assertion verified by lib/auth/passkeys/verify-passkey-sign-in.ts). What authorize returns
 * reaches jwtCallback as `user`: id, email, name, sessionVersion and `method` (SessionMethod).
 */
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { clientIp, headerGetterFromRecord } from './client-ip';
import { signIn } from './sign-in';
import { SIGN_IN_ERRORS } from './sign-in-errors';
import type { SecondFactor } from './totp/verify-second-factor';

// next-auth posts form fields, so absent factors may arrive as empty strings: they mean "none".
const optional = (max: number) => z.string().max(max).optional().transform((v) => (v && v.trim() ? v.trim() : undefined));
const credentialsSchema = z.object({
  email: z.string().max(320),
  password: z.string().max(4096),
  code: optional(32),
  recoveryCode: optional(64),
  passkey: optional(16_384),
});

/** The one factor sent (a code wins over a recovery code over a passkey); a passkey that is not JSON fails later as wrong. */
function secondFactorOf(c: z.infer<typeof credentialsSchema>): SecondFactor | null {
  if (c.code) return { code: c.code };
  if (c.recoveryCode) return { recoveryCode: c.recoveryCode };
  if (c.passkey) {
    try {
      return { passkey: JSON.parse(c.passkey) as unknown };
    } catch {
      return { passkey: null };
    }
  }
  return null;
}

export async function authorize(credentials: Record<string, unknown> | undefined, req: { headers?: Record<string, unknown> }) {
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const ip = clientIp(headerGetterFromRecord(req.headers));
  const result = await signIn({ email: parsed.data.email, password: parsed.data.password, ip, secondFactor: secondFactorOf(parsed.data) });
  if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name, sessionVersion: result.user.sessionVersion, method: result.method };
  // Thrown messages reach the client as `error`, which lets the page say why without leaking anything else.
  if (result.reason === 'rate_limited') throw new Error(SIGN_IN_ERRORS.rateLimited);
  if (result.reason === 'disabled') throw new Error(SIGN_IN_ERRORS.disabled);
  if (result.reason === 'second_factor_required') throw new Error(SIGN_IN_ERRORS.twoFactorRequired);
  if (result.reason === 'second_factor_invalid') throw new Error(SIGN_IN_ERRORS.twoFactorInvalid);
  return null;
}

export function credentialsProvider() {
  return CredentialsProvider({
    name: 'Email',
    credentials: {
      email: { label: 'Email', type: 'email' },
      password: { label: 'Password', type: 'password' },
      code: { label: 'Authenticator code', type: 'text' },
      recoveryCode: { label: 'Recovery code', type: 'text' },
      passkey: { label: 'Passkey', type: 'text' },
    },
    authorize,
  });
}
