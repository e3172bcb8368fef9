/**
 * OWNER: TOTP helper (issue 15). STUB: replace. The team's sign-in policy (Setting 'auth.policy'): whether owners
 * and admins must have a second factor. Changed by admins, audited as settings.auth_policy.updated.
 */
export interface SignInPolicy { require2faForAdmins: boolean }

export async function getSignInPolicy(): Promise<SignInPolicy> {
  return { require2faForAdmins: false };
}
