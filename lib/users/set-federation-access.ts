/**
 * Owners and admins grant (or revoke) federation access: applying and undoing blocklists on the instances. Owners
 * and admins hold it by role; a grant matters for moderators. Viewers cannot be granted it. Audited
 * `user.federation_access_changed`; takes effect at once (lib/blocklists/federation-access.ts reads it fresh).
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, canManageUsers } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { canChangeUser } from './role-rules';

const input = z.object({ userId: z.uuid(), granted: z.boolean() });

export async function setFederationAccess({ ctx, input: raw }: { ctx: Ctx; input: { userId: string; granted: boolean } }): Promise<{ federationAccess: boolean }> {
  assertAllowed(canManageUsers(ctx.actor), 'users.federation_access');
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw new AppError('bad_request', 'federation access: invalid input');
  const { userId, granted } = parsed.data;
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true, federationAccess: true } });
    if (!user) throw new AppError('not_found', 'user not found');
    assertAllowed(canChangeUser(ctx.actor, user.id, user.role), `change user ${user.id}`);
    if (granted && user.role === 'viewer') throw new AppError('bad_request', 'federation access for a viewer', { userMessage: 'Viewers cannot apply blocklists: make them a moderator first.' });
    if (user.federationAccess === granted) return { federationAccess: granted };
    await tx.user.update({ where: { id: user.id }, data: { federationAccess: granted } });
    await recordEvent(tx, { actor: ctx.actor, action: 'user.federation_access_changed', targetType: 'user', targetId: user.id, details: { email: user.email, from: user.federationAccess, to: granted } });
    return { federationAccess: granted };
  });
}
