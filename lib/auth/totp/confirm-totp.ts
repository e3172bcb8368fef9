/**
 * Finishes enrolment: the first right code enables the factor (and becomes the last used step, so it cannot sign in
 * again) and creates the recovery codes, shown once. Audited auth.totp_enabled.
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertCodeAttemptsLeft, refuseWrongCode } from './code-guard';
import { storeRecoveryCodes } from './store-recovery-codes';
import { findTotpStep } from './totp';
import { openTotpSecret } from './totp-secret';

export const totpCodeInput = z.object({ code: z.string().trim().min(1, 'Enter the 6-digit code.').max(32) });
export type TotpCodeInput = z.input<typeof totpCodeInput>;

export async function confirmTotp({ ctx, input, now = new Date() }: { ctx: Ctx; input: TotpCodeInput; now?: Date }): Promise<{ recoveryCodes: string[] }> {
  if (ctx.actor.type !== 'user') throw new AppError('forbidden', 'second factors belong to a person');
  const { code } = totpCodeInput.parse(input);
  const userId = ctx.actor.id;
  await assertCodeAttemptsLeft(userId);
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpSecretSealed: true, totpEnabledAt: true } });
  if (!user?.totpSecretSealed || user.totpEnabledAt) {
    throw new AppError('conflict', 'no pending totp setup', { userMessage: user?.totpEnabledAt ? 'The authenticator app is already set up.' : 'Start the setup again: no authenticator app is waiting for a code.' });
  }
  const secret = await openTotpSecret(user.totpSecretSealed, userId);
  const step = secret ? findTotpStep(secret, code, now) : null;
  if (step === null) return refuseWrongCode(userId);
  const actor = ctx.actor;
  return db.$transaction(async (tx) => {
    // Conditional on the same pending secret: a concurrent re-setup or confirm cannot be enabled twice.
    const enabled = await tx.user.updateMany({ where: { id: userId, totpEnabledAt: null, totpSecretSealed: user.totpSecretSealed }, data: { totpEnabledAt: now, totpLastStep: step } });
    if (enabled.count !== 1) throw new AppError('conflict', 'totp setup changed', { userMessage: 'The setup changed meanwhile. Please start again.' });
    const recoveryCodes = await storeRecoveryCodes(tx, userId);
    await recordEvent(tx, { actor, action: 'auth.totp_enabled', targetType: 'user', targetId: userId, details: { recoveryCodes: recoveryCodes.length } });
    return { recoveryCodes };
  });
}
