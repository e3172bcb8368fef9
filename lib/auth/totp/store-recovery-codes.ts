/** Replaces the user's recovery codes with fresh ones (inside the caller's transaction); returns them in clear, once. */
import type { Prisma } from '@/lib/generated/prisma/client';
import { generateRecoveryCodes, hashRecoveryCode } from './recovery-codes';

export async function storeRecoveryCodes(tx: Prisma.TransactionClient, userId: string): Promise<string[]> {
  const codes = generateRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c)! })) });
  return codes;
}
