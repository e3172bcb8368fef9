/**
 * OWNER: TOTP helper (issue 15). STUB: replace. True when the team requires a second factor of owners and admins
 * (Setting 'auth.policy') and this owner/admin has neither TOTP nor a passkey. SSO users are exempt: their
 * identity provider owns their second factor (decision, in the README).
 */
import type { Role } from '@/lib/generated/prisma/enums';

export async function mustEnrolTwoFactor(user: { id: string; role: Role; totpEnabledAt: Date | null; ssoSubject: string | null }): Promise<boolean> {
  void user;
  return false;
}
