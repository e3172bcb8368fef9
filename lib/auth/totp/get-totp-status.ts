/** What the Security page shows about the authenticator app: never the secret. */
import { db } from '@/lib/db';

export interface TotpStatus { enabled: boolean; pending: boolean; recoveryCodesLeft: number }

export async function getTotpStatus(userId: string): Promise<TotpStatus> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true, totpSecretSealed: true } });
  const enabled = Boolean(user?.totpEnabledAt);
  const recoveryCodesLeft = enabled ? await db.recoveryCode.count({ where: { userId, usedAt: null } }) : 0;
  return { enabled, pending: !enabled && Boolean(user?.totpSecretSealed), recoveryCodesLeft };
}
