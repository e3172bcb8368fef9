/**
 * Admins invite people by link: the link is shown once to the inviter (no mail server needed) and only its
 * hash is stored. Invites last 7 days and may restrict a moderator or viewer to some instances.
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, canManageUsers } from '@/lib/auth/policy';
import { hashToken, newToken } from '@/lib/auth/tokens';
import { checkInstanceIds } from './check-instances';
import { canBeLimited, canGrantRole } from './role-rules';
import { emailSchema, instanceIdsSchema, roleSchema } from './schemas';
import { assertEmailFree } from './unique-email';
import { assertNoOpenInvite } from './assert-no-open-invite';

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** First key of the two-key advisory lock that serializes invites for one email. */
const INVITE_LOCK_SPACE = 91_443;

export const inviteUserInput = z.object({
  email: emailSchema,
  role: roleSchema,
  instanceIds: instanceIdsSchema.default([]),
});
export type InviteUserInput = z.input<typeof inviteUserInput>;

export interface InviteCreated {
  inviteId: string;
  /** `/invite/<token>`: shown once, never stored. */
  path: string;
  expiresAt: string;
}

export async function inviteUser({ ctx, input }: { ctx: Ctx; input: InviteUserInput }): Promise<InviteCreated> {
  assertAllowed(canManageUsers(ctx.actor), 'users.invite');
  if (ctx.actor.type !== 'user') throw new AppError('forbidden', 'invites are sent by a person');
  const data = inviteUserInput.parse(input);
  assertAllowed(canGrantRole(ctx.actor, data.role), `grant role ${data.role}`);
  if (data.instanceIds.length > 0 && !canBeLimited(data.role)) {
    throw new AppError('bad_request', 'instance limits on a manager role', { userMessage: 'Only moderators and viewers can be limited to instances.' });
  }
  const inviterId = ctx.actor.id;
  const token = newToken();
  const expiresAt = new Date(Date.now() + INVITE_TTL_MS);
  const invite = await db.$transaction(async (tx) => {
    // Serializes two admins inviting the same email at once: without it both would see no open invite and both
    // create one (there is no unique index, since used and expired invites for the email must stay as history).
    await tx.$executeRaw`select pg_advisory_xact_lock(${INVITE_LOCK_SPACE}::int, hashtext(${data.email}))`;
    await assertEmailFree(tx, data.email);
    await assertNoOpenInvite(tx, data.email);
    const instanceIds = await checkInstanceIds(tx, data.instanceIds);
    const created = await tx.invite.create({
      data: { email: data.email, role: data.role, instanceIds, tokenHash: hashToken(token), invitedById: inviterId, expiresAt },
    });
    await recordEvent(tx, {
      actor: ctx.actor,
      action: 'user.invited',
      targetType: 'invite',
      targetId: created.id,
      details: { email: data.email, role: data.role, instanceIds, expiresAt: expiresAt.toISOString() },
    });
    return created;
  });
  return { inviteId: invite.id, path: `/invite/${token}`, expiresAt: expiresAt.toISOString() };
}
