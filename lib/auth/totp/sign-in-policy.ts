/**
 * The team's sign-in policy (Setting 'auth.policy'): whether owners and admins must have a second factor. Changed by
 * admins through update-sign-in-policy.ts, audited as settings.auth_policy.updated.
 */
import { z } from 'zod';
import { db } from '@/lib/db';

export const SIGN_IN_POLICY_KEY = 'auth.policy';

export interface SignInPolicy { require2faForAdmins: boolean }

const stored = z.object({ require2faForAdmins: z.boolean().catch(false) }).catch({ require2faForAdmins: false });

/** A missing or unreadable row means the policy is off: today's behaviour, nobody locked out by a bad value. */
export function parseStoredSignInPolicy(value: unknown): SignInPolicy {
  return stored.parse(value ?? {});
}

export async function getSignInPolicy(): Promise<SignInPolicy> {
  const row = await db.setting.findUnique({ where: { key: SIGN_IN_POLICY_KEY } });
  return parseStoredSignInPolicy(row?.value);
}
