/**
 * `users reset-2fa --email E`: for an owner locked out of their own second factor. Removes the TOTP secret, the
 * recovery codes and every passkey, and ends all the user's sessions (the version bump kills every cookie at once).
 * Operator-only: the CLI runs on the server, so shell access is the authorization. Audited user.2fa_reset.
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';

export const resetTwoFactorInput = z.object({ email: z.string().trim().toLowerCase().pipe(z.email()) });

export interface ResetTwoFactorResult { email: string; totpRemoved: boolean; recoveryCodesRemoved: number; passkeysRemoved: number; sessionsEnded: number }

export async function resetTwoFactor({ ctx, input }: { ctx: Ctx; input: z.input<typeof resetTwoFactorInput> }): Promise<ResetTwoFactorResult> {
  if (ctx.actor.type !== 'system') throw new AppError('forbidden', 'reset-2fa is an operator command');
  const { email } = resetTwoFactorInput.parse(input);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, totpSecretSealed: true } });
    if (!user) throw new AppError('not_found', `no user ${email}`, { userMessage: `No user with the email ${email}.` });
    const now = new Date();
    await tx.user.update({ where: { id: user.id }, data: { totpSecretSealed: null, totpEnabledAt: null, totpLastStep: null, sessionVersion: { increment: 1 } } });
    const codes = await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    const passkeys = await tx.passkey.deleteMany({ where: { userId: user.id } });
    // The version bump already refuses every cookie; the rows are closed too so the session list tells the truth.
    const sessions = await tx.authSession.updateMany({ where: { userId: user.id, endedAt: null, expiresAt: { gt: now } }, data: { endedAt: now, endedReason: '2fa_reset' } });
    const result = { email, totpRemoved: Boolean(user.totpSecretSealed), recoveryCodesRemoved: codes.count, passkeysRemoved: passkeys.count, sessionsEnded: sessions.count };
    await recordEvent(tx, { actor: ctx.actor, action: 'user.2fa_reset', targetType: 'user', targetId: user.id, details: { ...result } });
    return result;
  });
}
