/**
 * Ends every live session of the user but `keepSessionId`, inside the caller's transaction, so a password change
 * (or a removed factor) and the sessions it ends commit together. Returns how many were ended.
 */
import type { Prisma } from '@/lib/generated/prisma/client';

export type EndReason = 'sign_out' | 'signed_out_by_user' | 'password_changed' | 'factor_removed' | 'everywhere' | '2fa_reset';

export async function endOtherSessions(tx: Prisma.TransactionClient, input: { userId: string; keepSessionId: string | null; reason: EndReason }, now = new Date()): Promise<number> {
  const ended = await tx.authSession.updateMany({
    where: { userId: input.userId, endedAt: null, expiresAt: { gt: now }, ...(input.keepSessionId ? { id: { not: input.keepSessionId } } : {}) },
    data: { endedAt: now, endedReason: input.reason },
  });
  return ended.count;
}
