import { z } from 'zod';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, canManageUsers } from '@/lib/auth/policy';
import { canGrantRole } from './role-rules';

export const revokeInviteInput = z.object({ inviteId: z.uuid() });

/** Kills a link that was sent to the wrong person or is no longer wanted. */
export async function revokeInvite({ ctx, input }: { ctx: Ctx; input: z.input<typeof revokeInviteInput> }): Promise<void> {
  assertAllowed(canManageUsers(ctx.actor), 'users.invite.revoke');
  const { inviteId } = revokeInviteInput.parse(input);
  await db.$transaction(async (tx) => {
    const invite = await tx.invite.findUnique({ where: { id: inviteId } });
    if (!invite || invite.acceptedAt || invite.revokedAt) throw new AppError('not_found', 'invite not open');
    // Same rule as sending: an admin cannot meddle with an owner invite.
    assertAllowed(canGrantRole(ctx.actor, invite.role), `revoke ${invite.role} invite`);
    await tx.invite.update({ where: { id: invite.id }, data: { revokedAt: new Date() } });
    await recordEvent(tx, { actor: ctx.actor, action: 'user.invite_revoked', targetType: 'invite', targetId: invite.id, details: { email: invite.email, role: invite.role } });
  });
}
