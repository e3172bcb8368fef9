/**
 * New recovery codes (the old ones stop working), behind a current TOTP code: a borrowed session alone cannot mint
 * codes that outlive it. The code is spent like at sign-in (no replay). Audited auth.recovery_codes_regenerated.
 */
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertCodeAttemptsLeft, refuseWrongCode } from './code-guard';
import { totpCodeInput, type TotpCodeInput } from './confirm-totp';
import { storeRecoveryCodes } from './store-recovery-codes';
import { spendTotpCode } from './verify-second-factor';

export async function regenerateRecoveryCodes({ ctx, input }: { ctx: Ctx; input: TotpCodeInput }): Promise<{ recoveryCodes: string[] }> {
  if (ctx.actor.type !== 'user') throw new AppError('forbidden', 'second factors belong to a person');
  const { code } = totpCodeInput.parse(input);
  const userId = ctx.actor.id;
  await assertCodeAttemptsLeft(userId);
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, totpSecretSealed: true, totpEnabledAt: true } });
  if (!user?.totpEnabledAt) throw new AppError('conflict', 'totp not enabled', { userMessage: 'Set up an authenticator app first.' });
  const spent = await spendTotpCode(user, code);
  if (!spent.ok) return refuseWrongCode(userId, spent.reason === 'replayed_code');
  const actor = ctx.actor;
  return db.$transaction(async (tx) => {
    const recoveryCodes = await storeRecoveryCodes(tx, userId);
    await recordEvent(tx, { actor, action: 'auth.recovery_codes_regenerated', targetType: 'user', targetId: userId, details: { recoveryCodes: recoveryCodes.length } });
    return { recoveryCodes };
  });
}
