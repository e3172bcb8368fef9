/** Whether the user has a second factor of their own: a confirmed authenticator app or at least one passkey. */
import { db } from '@/lib/db';
import { hasPasskeys } from '@/lib/auth/passkeys/verify-passkey-sign-in';

export async function hasSecondFactor(userId: string, totpEnabledAt?: Date | null): Promise<boolean> {
  const enabled = totpEnabledAt !== undefined ? totpEnabledAt : (await db.user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true } }))?.totpEnabledAt;
  return Boolean(enabled) || (await hasPasskeys(userId));
}
