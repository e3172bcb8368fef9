/**
 * Email + password sign-in, called by the next-auth Credentials provider. Failures are counted per email and
 * per IP; once a counter is full the attempt is refused before the password is even checked, so a correct
 * guess inside a lockout teaches an attacker nothing. Every outcome is audited; the password never is.
 * An account with a second factor (TOTP or a passkey) needs it too: asked for without counting anything when none
 * was sent, and a wrong or replayed one counts in the same counters as a wrong password, so codes cannot be guessed.
 */
import { db } from '@/lib/db';
import { recordEvent } from '@/lib/audit/record-event';
import type { Actor } from '@/lib/audit/actor';
import { dummyVerify, PASSWORD_MAX_LENGTH, verifyPassword } from './password';
import { hasPasskeys } from './passkeys/verify-passkey-sign-in';
import { hit, peek, resetKey } from './rate-limit';
import type { SessionMethod } from './sessions/start-session';
import { verifySecondFactor, type SecondFactor } from './totp/verify-second-factor';

export const SIGN_IN_WINDOW_SECONDS = 15 * 60;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 30;

export interface SignInInput {
  email: string;
  password: string;
  ip?: string | null;
  /** The second step's answer; ignored for an account without a second factor. */
  secondFactor?: SecondFactor | null;
}

export type SignInFailure = 'invalid' | 'disabled' | 'rate_limited' | 'second_factor_required' | 'second_factor_invalid';

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string; sessionVersion: number }; method: SessionMethod }
  | { ok: false; reason: SignInFailure; retryAfterSeconds?: number };

const SIGN_IN_ACTOR: Actor = { type: 'system', label: 'sign-in' };

const emailKey = (email: string) => `sign-in:email:${email}`;
const ipKey = (ip: string) => `sign-in:ip:${ip}`;

async function audit(action: string, details: Record<string, unknown>, actor: Actor = SIGN_IN_ACTOR, targetId?: string): Promise<void> {
  await db.$transaction((tx) => recordEvent(tx, { actor, action, targetType: targetId ? 'user' : null, targetId, details }));
}

/** Which counter (if any) is already full. Without a known IP only the per-email limit applies: a shared
 * "unknown" bucket would let one attacker lock everybody out. */
export async function lockout(email: string, ip: string | null): Promise<{ scope: 'email' | 'ip'; retryAfterSeconds: number } | null> {
  const byEmail = await peek(emailKey(email), SIGN_IN_WINDOW_SECONDS, MAX_FAILURES_PER_EMAIL);
  if (!byEmail.allowed) return { scope: 'email', retryAfterSeconds: byEmail.retryAfterSeconds };
  if (!ip) return null;
  const byIp = await peek(ipKey(ip), SIGN_IN_WINDOW_SECONDS, MAX_FAILURES_PER_IP);
  return byIp.allowed ? null : { scope: 'ip', retryAfterSeconds: byIp.retryAfterSeconds };
}

export async function countFailure(email: string, ip: string | null): Promise<void> {
  await hit(emailKey(email), SIGN_IN_WINDOW_SECONDS, MAX_FAILURES_PER_EMAIL);
  if (ip) await hit(ipKey(ip), SIGN_IN_WINDOW_SECONDS, MAX_FAILURES_PER_IP);
}

export async function signIn(input: SignInInput): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase().slice(0, 320);
  const ip = input.ip ?? null;

  const locked = await lockout(email, ip);
  if (locked) {
    await audit('auth.sign_in_rate_limited', { email, ip, scope: locked.scope, retryAfterSeconds: locked.retryAfterSeconds });
    return { ok: false, reason: 'rate_limited', retryAfterSeconds: locked.retryAfterSeconds };
  }

  const user = await db.user.findUnique({ where: { email } });
  const tooLong = input.password.length > PASSWORD_MAX_LENGTH;
  const valid = user && !tooLong ? await verifyPassword(input.password, user.passwordHash) : await dummyVerify(input.password.slice(0, PASSWORD_MAX_LENGTH));
  if (!user || !valid) {
    await countFailure(email, ip);
    await audit('auth.sign_in_failed', { email, ip, reason: 'bad_credentials' });
    return { ok: false, reason: 'invalid' };
  }
  if (user.disabledAt) {
    await audit('auth.sign_in_failed', { email, ip, reason: 'disabled' }, SIGN_IN_ACTOR, user.id);
    return { ok: false, reason: 'disabled' };
  }

  const actor: Actor = { type: 'user', id: user.id, email: user.email, role: user.role, instanceIds: null, ip };
  let method: SessionMethod = 'password';
  if (user.totpEnabledAt || (await hasPasskeys(user.id))) {
    // Not a failure: the page asks for the factor and sends the password again with it.
    if (!input.secondFactor) return { ok: false, reason: 'second_factor_required' };
    const factor = await verifySecondFactor(user, actor, input.secondFactor);
    if (!factor.ok) {
      await countFailure(email, ip);
      await audit('auth.second_factor_failed', { email, ip, reason: factor.reason }, actor, user.id);
      return { ok: false, reason: 'second_factor_invalid' };
    }
    method = factor.method;
  }

  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await recordEvent(tx, { actor, action: 'auth.sign_in', targetType: 'user', targetId: user.id, details: { method } });
  });
  // Only the email counter resets: clearing the IP counter would let one valid account launder guesses.
  await resetKey(emailKey(email));
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion }, method };
}
