/**
 * Role changes, disabling and instance limits, each its own audit event in one transaction. Rules: nobody
 * changes their own account here, admins neither grant nor touch 'owner', and the last active owner can be
 * neither demoted nor disabled (someone must always be able to manage the team). A role change or a disable ends
 * every session of that user (sessionVersion), so a captured cookie cannot outlive the decision.
 */
import { z } from 'zod';
import { db, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, canManageUsers } from '@/lib/auth/policy';
import type { Role } from '@/lib/generated/prisma/enums';
import { checkInstanceIds } from './check-instances';
import { canBeLimited, canChangeUser, canGrantRole } from './role-rules';
import { instanceIdsSchema, roleSchema } from './schemas';
import { toUserView, userViewSelect, type UserView } from './user-view';

// Serializes owner-count checks: two owners demoting each other at once must not leave zero owners.
const USERS_LOCK = 72_451_905;

export const updateUserInput = z.object({
  userId: z.uuid(),
  role: roleSchema.optional(),
  disabled: z.boolean().optional(),
  /** null = every instance; a list = only those (moderators and viewers). */
  instanceIds: instanceIdsSchema.min(1, 'Pick at least one instance, or allow all.').nullable().optional(),
});
export type UpdateUserInput = z.input<typeof updateUserInput>;

async function assertAnotherOwner(tx: Tx, userId: string): Promise<void> {
  const others = await tx.user.count({ where: { role: 'owner', disabledAt: null, id: { not: userId } } });
  if (others === 0) throw new AppError('conflict', 'last active owner', { userMessage: 'This is the last active owner. Make someone else an owner first.' });
}

export async function updateUser({ ctx, input }: { ctx: Ctx; input: UpdateUserInput }): Promise<UserView> {
  assertAllowed(canManageUsers(ctx.actor), 'users.update');
  const data = updateUserInput.parse(input);
  return db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`select pg_advisory_xact_lock(${USERS_LOCK})`);
    const user = await tx.user.findUnique({ where: { id: data.userId }, select: userViewSelect });
    if (!user) throw new AppError('not_found', 'user not found');
    assertAllowed(canChangeUser(ctx.actor, user.id, user.role), `change user ${user.id}`);
    const audit = (action: string, details: Record<string, unknown>) =>
      recordEvent(tx, { actor: ctx.actor, action, targetType: 'user', targetId: user.id, details: { email: user.email, ...details } });

    const role: Role = data.role ?? user.role;
    if (role !== user.role) {
      assertAllowed(canGrantRole(ctx.actor, role), `grant role ${role}`);
      if (user.role === 'owner' && !user.disabledAt) await assertAnotherOwner(tx, user.id);
      await tx.user.update({ where: { id: user.id }, data: { role, sessionVersion: { increment: 1 } } });
      await audit('user.role_changed', { from: user.role, to: role });
    }

    if (data.disabled !== undefined && data.disabled !== (user.disabledAt !== null)) {
      if (data.disabled && role === 'owner') await assertAnotherOwner(tx, user.id);
      await tx.user.update({ where: { id: user.id }, data: { disabledAt: data.disabled ? new Date() : null, ...(data.disabled ? { sessionVersion: { increment: 1 } } : {}) } });
      await audit(data.disabled ? 'user.disabled' : 'user.enabled', {});
    }

    // Promotion to admin/owner lifts any limit: managers see every instance.
    const wanted = data.instanceIds !== undefined ? data.instanceIds : canBeLimited(role) ? undefined : null;
    if (wanted !== undefined) await applyLimits(tx, user, role, wanted, audit);

    const fresh = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: userViewSelect });
    return toUserView(fresh);
  });
}

async function applyLimits(
  tx: Tx,
  user: { id: string; limitedToInstances: boolean; instances: { instanceId: string }[] },
  role: Role,
  wanted: string[] | null,
  audit: (action: string, details: Record<string, unknown>) => Promise<unknown>,
): Promise<void> {
  if (wanted !== null && !canBeLimited(role)) {
    throw new AppError('bad_request', 'instance limits on a manager role', { userMessage: 'Only moderators and viewers can be limited to instances.' });
  }
  const ids = wanted === null ? null : (await checkInstanceIds(tx, wanted)).sort();
  const before = user.limitedToInstances ? user.instances.map((i) => i.instanceId).sort() : null;
  if (JSON.stringify(before) === JSON.stringify(ids)) return;
  await tx.userInstance.deleteMany({ where: { userId: user.id } });
  if (ids) await tx.userInstance.createMany({ data: ids.map((instanceId) => ({ userId: user.id, instanceId })) });
  await tx.user.update({ where: { id: user.id }, data: { limitedToInstances: ids !== null } });
  await audit('user.instances_limited', { from: before, instanceIds: ids });
}
