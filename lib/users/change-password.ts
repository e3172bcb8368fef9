/**
 * Changing one's own password needs the current one, so a borrowed unlocked session cannot take the account
 * over; wrong guesses are rate limited like sign-ins. Every other session of the user ends in the same transaction
 * (a captured cookie must stop working when the password is changed because of it); this one, which just proved
 * the current password, is kept, so the page need not sign in again.
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { hit, peek } from '@/lib/auth/rate-limit';
import { endOtherSessions } from '@/lib/auth/sessions/end-other-sessions';
import { passwordSchema } from './schemas';

const WINDOW_SECONDS = 15 * 60;
const MAX_FAILURES = 5;

export const changePasswordInput = z.object({ currentPassword: z.string().min(1).max(256), newPassword: passwordSchema });
export type ChangePasswordInput = z.input<typeof changePasswordInput>;

export async function changePassword({ ctx, input }: { ctx: Ctx; input: ChangePasswordInput }): Promise<{ endedSessions: number }> {
  if (ctx.actor.type !== 'user') throw new AppError('forbidden', 'passwords belong to a person');
  const data = changePasswordInput.parse(input);
  const userId = ctx.actor.id;
  const key = `password-change:${userId}`;
  if (!(await peek(key, WINDOW_SECONDS, MAX_FAILURES)).allowed) throw new AppError('rate_limited', 'password change locked out');
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user) throw new AppError('not_found', 'user not found');
  if (!(await verifyPassword(data.currentPassword, user.passwordHash))) {
    await hit(key, WINDOW_SECONDS, MAX_FAILURES);
    throw new AppError('bad_request', 'current password wrong', { userMessage: 'The current password is not correct.' });
  }
  const passwordHash = await hashPassword(data.newPassword);
  const actor = ctx.actor;
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    const endedSessions = await endOtherSessions(tx, { userId, keepSessionId: actor.sessionId ?? null, reason: 'password_changed' });
    await recordEvent(tx, { actor, action: 'user.password_changed', targetType: 'user', targetId: userId, details: { endedSessions } });
    return { endedSessions };
  });
}
