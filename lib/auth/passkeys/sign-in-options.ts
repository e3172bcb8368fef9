/**
 * The sign-in page's passkey step, before any session exists: the password is checked through sign-in's own
 * lockout and failure counters (a wrong password here costs the same as one on the sign-in form, and a full
 * counter refuses before any hash is spent), then the user's passkeys are offered with a fresh challenge.
 * Unknown email and wrong password answer alike. Nothing here signs in: next-auth's credentials provider does,
 * with the assertion the browser makes from these options.
 */
import { generateAuthenticationOptions, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { z } from 'zod';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { dummyVerify, PASSWORD_MAX_LENGTH, verifyPassword } from '@/lib/auth/password';
import { countFailure, lockout } from '@/lib/auth/sign-in';
import { storeChallenge } from './challenges';
import { relyingParty } from './relying-party';

export const signInOptionsInput = z.object({ email: z.string().max(320), password: z.string().max(4096) });
export type SignInOptionsInput = z.input<typeof signInOptionsInput>;
export type SignInOptions = { available: false } | { available: true; options: PublicKeyCredentialRequestOptionsJSON };

const SIGN_IN_ACTOR: Actor = { type: 'system', label: 'sign-in' };

async function audit(action: string, details: Record<string, unknown>, targetId?: string): Promise<void> {
  await db.$transaction((tx) => recordEvent(tx, { actor: SIGN_IN_ACTOR, action, targetType: targetId ? 'user' : null, targetId, details }));
}

export async function signInOptions({ input }: { input: SignInOptionsInput & { ip: string | null } }): Promise<SignInOptions> {
  const data = signInOptionsInput.parse(input);
  const email = data.email.trim().toLowerCase().slice(0, 320);
  const ip = input.ip;
  const locked = await lockout(email, ip);
  if (locked) {
    await audit('auth.sign_in_rate_limited', { email, ip, scope: locked.scope, retryAfterSeconds: locked.retryAfterSeconds, step: 'passkey_options' });
    throw new AppError('rate_limited', 'sign-in locked out', { userMessage: 'Too many failed attempts. Please wait 15 minutes and try again.' });
  }
  const user = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, disabledAt: true } });
  const tooLong = data.password.length > PASSWORD_MAX_LENGTH;
  const valid = user && !tooLong ? await verifyPassword(data.password, user.passwordHash) : await dummyVerify(data.password.slice(0, PASSWORD_MAX_LENGTH));
  if (!user || !valid) {
    await countFailure(email, ip);
    await audit('auth.sign_in_failed', { email, ip, reason: 'bad_credentials', step: 'passkey_options' });
    throw new AppError('unauthorized', 'bad credentials', { userMessage: 'The email or password is not right.' });
  }
  if (user.disabledAt) throw new AppError('forbidden', 'account disabled', { userMessage: 'This account is disabled. Ask an admin of your team.' });

  const passkeys = await db.passkey.findMany({ where: { userId: user.id }, select: { credentialId: true, transports: true } });
  if (passkeys.length === 0) return { available: false };
  const rp = relyingParty();
  const options = await generateAuthenticationOptions({
    rpID: rp.rpID,
    allowCredentials: passkeys.map((p) => ({ id: p.credentialId, transports: p.transports })),
    userVerification: 'preferred',
  });
  await storeChallenge({ userId: user.id, purpose: 'authenticate', challenge: options.challenge });
  return { available: true, options };
}
