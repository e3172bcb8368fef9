/**
 * Admins turn the 2FA requirement for owners and admins on or off, audited. Turning it on is refused while the admin
 * doing it has no factor of their own: they would be the first one sent to the Security page, mid-change.
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { hasRole } from '@/lib/auth/policy';
import { hasSecondFactor } from './has-second-factor';
import { parseStoredSignInPolicy, SIGN_IN_POLICY_KEY, type SignInPolicy } from './sign-in-policy';

export const updateSignInPolicyInput = z.object({ require2faForAdmins: z.boolean() }).strict();
export type UpdateSignInPolicyInput = z.input<typeof updateSignInPolicyInput>;

export async function updateSignInPolicy({ ctx, input }: { ctx: Ctx; input: UpdateSignInPolicyInput }): Promise<SignInPolicy> {
  if (!hasRole(ctx.actor, 'admin')) throw new AppError('forbidden', 'sign-in policy needs admin');
  const after: SignInPolicy = updateSignInPolicyInput.parse(input);
  if (after.require2faForAdmins && ctx.actor.type === 'user' && !(await hasSecondFactor(ctx.actor.id))) {
    const self = await db.user.findUnique({ where: { id: ctx.actor.id }, select: { ssoSubject: true } });
    if (!self?.ssoSubject) {
      throw new AppError('conflict', 'admin without a second factor', {
        userMessage: 'Set up yours first: add an authenticator app or a passkey on your Security page, then turn this on.',
      });
    }
  }
  return db.$transaction(async (tx) => {
    const row = await tx.setting.findUnique({ where: { key: SIGN_IN_POLICY_KEY } });
    const before = parseStoredSignInPolicy(row?.value);
    await tx.setting.upsert({ where: { key: SIGN_IN_POLICY_KEY }, create: { key: SIGN_IN_POLICY_KEY, value: { ...after } }, update: { value: { ...after } } });
    await recordEvent(tx, { actor: ctx.actor, action: 'settings.auth_policy.updated', targetType: 'setting', targetId: SIGN_IN_POLICY_KEY, details: { from: before, to: after } });
    return after;
  });
}
