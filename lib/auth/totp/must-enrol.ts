/**
 * True when the team requires a second factor of owners and admins (Setting 'auth.policy') and this owner/admin has
 * neither TOTP nor a passkey. SSO users are exempt: their identity provider owns their second factor (decision, in
 * the README). Runs on every request, so the cheap checks come first and the policy row is read only for admins.
 */
import type { Role } from '@/lib/generated/prisma/enums';
import { hasSecondFactor } from './has-second-factor';
import { getSignInPolicy } from './sign-in-policy';

export async function mustEnrolTwoFactor(user: { id: string; role: Role; totpEnabledAt: Date | null; ssoSubject: string | null }): Promise<boolean> {
  if (user.role !== 'owner' && user.role !== 'admin') return false;
  if (user.ssoSubject || user.totpEnabledAt) return false;
  if (!(await getSignInPolicy()).require2faForAdmins) return false;
  return !(await hasSecondFactor(user.id, user.totpEnabledAt));
}
