/**
 * Owners and admins grant (or revoke) the filing permission: reporting a case to NCMEC's CyberTipline. Owners and
 * admins hold it by role; a grant matters for moderators. Viewers cannot be granted it. Audited
 * `user.filing_access_changed`; takes effect at once (lib/filing/filing-access.ts reads it fresh).
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, canManageUsers } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { canChangeUser } from './role-rules';

const input = z.object({ userId: z.uuid(), granted: z.boolean() });

export async function setFilingAccess({ ctx, input: raw }: { ctx: Ctx; input: { userId: string; granted: boolean } }): Promise<{ filingAccess: boolean }> {
  assertAllowed(canManageUsers(ctx.actor), 'users.filing_access');
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw new AppError('bad_request', 'filing access: invalid input');
  const { userId, granted } = parsed.data;
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true, filingAccess: true } });
    if (!user) throw new AppError('not_found', 'user not found');
    assertAllowed(canChangeUser(ctx.actor, user.id, user.role), `change user ${user.id}`);
    if (granted && user.role === 'viewer') throw new AppError('bad_request', 'filing access for a viewer', { userMessage: 'Viewers cannot file to CyberTipline: make them a moderator first.' });
    if (user.filingAccess === granted) return { filingAccess: granted };
    await tx.user.update({ where: { id: user.id }, data: { filingAccess: granted } });
    await recordEvent(tx, { actor: ctx.actor, action: 'user.filing_access_changed', targetType: 'user', targetId: user.id, details: { email: user.email, from: user.filingAccess, to: granted } });
    return { filingAccess: granted };
  });
}
