/**
 * OWNER: sessions helper (issue 15). STUB: replace. Ends every session of the user but `keepSessionId` (inside the
 * caller's transaction, so a password change and the sessions it ends commit together).
 */
import type { Prisma } from '@/lib/generated/prisma/client';

export type EndReason = 'sign_out' | 'signed_out_by_user' | 'password_changed' | 'factor_removed' | 'everywhere' | '2fa_reset';

export async function endOtherSessions(tx: Prisma.TransactionClient, input: { userId: string; keepSessionId: string | null; reason: EndReason }): Promise<number> {
  void tx; void input;
  return 0;
}
