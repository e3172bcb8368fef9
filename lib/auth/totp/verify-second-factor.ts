/**
 * The second step of a password sign-in. Each factor is spent with a conditional update, so two concurrent uses of
 * one TOTP code or one recovery code cannot both win: the database, not a read-then-write, decides who was first.
 */
import { db } from '@/lib/db';
import type { Actor } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { verifyPasskeySignIn } from '@/lib/auth/passkeys/verify-passkey-sign-in';
import { hashRecoveryCode } from './recovery-codes';
import { findTotpStep } from './totp';
import { openTotpSecret } from './totp-secret';

export type SecondFactor = { code: string } | { recoveryCode: string } | { passkey: unknown };
export type SecondFactorFailure = 'wrong_code' | 'replayed_code' | 'wrong_recovery_code' | 'passkey_failed';
export type SecondFactorResult = { ok: true; method: 'password+totp' | 'password+recovery' | 'password+passkey' } | { ok: false; reason: SecondFactorFailure };

interface FactorUser { id: string; totpSecretSealed: string | null; totpEnabledAt: Date | null }

/** Spends a TOTP code: only a step newer than the stored one can be written, so a replay (or a race) loses. */
export async function spendTotpCode(user: FactorUser, code: string, now = new Date()): Promise<{ ok: true; step: number } | { ok: false; reason: 'wrong_code' | 'replayed_code' }> {
  if (!user.totpEnabledAt || !user.totpSecretSealed) return { ok: false, reason: 'wrong_code' };
  const secret = await openTotpSecret(user.totpSecretSealed, user.id);
  const step = secret ? findTotpStep(secret, code, now) : null;
  if (step === null) return { ok: false, reason: 'wrong_code' };
  const won = await db.user.updateMany({
    where: { id: user.id, totpEnabledAt: { not: null }, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return won.count === 1 ? { ok: true, step } : { ok: false, reason: 'replayed_code' };
}

async function spendRecoveryCode(user: FactorUser, actor: Actor, input: string): Promise<boolean> {
  const codeHash = hashRecoveryCode(input);
  if (!codeHash || !user.totpEnabledAt) return false;
  return db.$transaction(async (tx) => {
    const spent = await tx.recoveryCode.updateMany({ where: { userId: user.id, codeHash, usedAt: null }, data: { usedAt: new Date() } });
    if (spent.count !== 1) return false;
    const left = await tx.recoveryCode.count({ where: { userId: user.id, usedAt: null } });
    await recordEvent(tx, { actor, action: 'auth.recovery_code_used', targetType: 'user', targetId: user.id, details: { left } });
    return true;
  });
}

export async function verifySecondFactor(user: FactorUser, actor: Actor, factor: SecondFactor): Promise<SecondFactorResult> {
  if ('code' in factor) {
    const spent = await spendTotpCode(user, factor.code);
    return spent.ok ? { ok: true, method: 'password+totp' } : { ok: false, reason: spent.reason };
  }
  if ('recoveryCode' in factor) {
    return (await spendRecoveryCode(user, actor, factor.recoveryCode)) ? { ok: true, method: 'password+recovery' } : { ok: false, reason: 'wrong_recovery_code' };
  }
  const ok = await verifyPasskeySignIn({ userId: user.id, response: factor.passkey }).catch(() => false);
  return ok ? { ok: true, method: 'password+passkey' } : { ok: false, reason: 'passkey_failed' };
}
