/**
 * Removing a passkey needs the current password (a borrowed unlocked session must not weaken the account), with
 * wrong guesses rate limited like a password change. Every other session ends with it: whoever used the removed
 * key to get in elsewhere is signed out; this session, where the owner just proved the password, stays.
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { verifyPassword } from '@/lib/auth/password';
import { hit, peek } from '@/lib/auth/rate-limit';
import { endOtherSessions } from '@/lib/auth/sessions/end-other-sessions';

const WINDOW_SECONDS = 15 * 60;
const MAX_FAILURES = 5;

export const removePasskeyInput = z.object({ id: z.uuid(), password: z.string().min(1, 'Enter your password.').max(256) });
export type RemovePasskeyInput = z.input<typeof removePasskeyInput>;

export async function removePasskey({ ctx, input }: { ctx: Ctx; input: RemovePasskeyInput }): Promise<{ endedSessions: number }> {
  if (ctx.actor.type !== 'user') throw new AppError('forbidden', 'passkeys belong to a person');
  const actor = ctx.actor;
  const data = removePasskeyInput.parse(input);
  const key = `passkey-remove:${actor.id}`;
  if (!(await peek(key, WINDOW_SECONDS, MAX_FAILURES)).allowed) {
    throw new AppError('rate_limited', 'passkey removal locked out', { userMessage: 'Too many wrong passwords. Please wait 15 minutes and try again.' });
  }
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!user) throw new AppError('not_found', 'user not found');
  // Someone else's passkey id answers exactly like a missing one.
  const passkey = await db.passkey.findFirst({ where: { id: data.id, userId: actor.id }, select: { id: true, name: true } });
  if (!passkey) throw new AppError('not_found', 'passkey not found', { userMessage: 'That passkey no longer exists.' });
  if (!(await verifyPassword(data.password, user.passwordHash))) {
    await hit(key, WINDOW_SECONDS, MAX_FAILURES);
    throw new AppError('bad_request', 'password wrong', { userMessage: 'The password is not correct.' });
  }
  return db.$transaction(async (tx) => {
    const gone = await tx.passkey.deleteMany({ where: { id: passkey.id, userId: actor.id } });
    if (gone.count === 0) throw new AppError('not_found', 'passkey vanished', { userMessage: 'That passkey no longer exists.' });
    const endedSessions = await endOtherSessions(tx, { userId: actor.id, keepSessionId: actor.sessionId ?? null, reason: 'factor_removed' });
    await recordEvent(tx, { actor, action: 'auth.passkey_removed', targetType: 'user', targetId: actor.id, details: { name: passkey.name, passkeyId: passkey.id, endedSessions } });
    return { endedSessions };
  });
}
