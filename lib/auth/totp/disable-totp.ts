/**
 * Removes the authenticator app and its recovery codes. Needs the current password (a borrowed unlocked session must
 * not strip a factor), with wrong guesses counted in the same budget as password changes. Every OTHER session ends in
 * the same transaction: whoever might have the factor's secret loses their sessions with it. Audited auth.totp_disabled.
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

export const disableTotpInput = z.object({ password: z.string().min(1, 'Enter your current password.').max(256) });
export type DisableTotpInput = z.input<typeof disableTotpInput>;

export async function disableTotp({ ctx, input }: { ctx: Ctx; input: DisableTotpInput }): Promise<{ endedSessions: number }> {
  if (ctx.actor.type !== 'user') throw new AppError('forbidden', 'second factors belong to a person');
  const { password } = disableTotpInput.parse(input);
  const userId = ctx.actor.id;
  // The change-password key on purpose: one budget of password guesses per account, whichever form asks.
  const key = `password-change:${userId}`;
  if (!(await peek(key, WINDOW_SECONDS, MAX_FAILURES)).allowed) {
    throw new AppError('rate_limited', 'password check locked out', { userMessage: 'Too many wrong passwords. Please wait 15 minutes and try again.' });
  }
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true, totpSecretSealed: true } });
  if (!user) throw new AppError('not_found', 'user not found');
  if (!(await verifyPassword(password, user.passwordHash))) {
    await hit(key, WINDOW_SECONDS, MAX_FAILURES);
    throw new AppError('bad_request', 'current password wrong', { userMessage: 'The current password is not correct.' });
  }
  if (!user.totpSecretSealed) throw new AppError('conflict', 'no totp', { userMessage: 'No authenticator app is set up.' });
  const actor = ctx.actor;
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { totpSecretSealed: null, totpEnabledAt: null, totpLastStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    const endedSessions = await endOtherSessions(tx, { userId, keepSessionId: actor.sessionId ?? null, reason: 'factor_removed' });
    await recordEvent(tx, { actor, action: 'auth.totp_disabled', targetType: 'user', targetId: userId, details: { endedSessions } });
    return { endedSessions };
  });
}
