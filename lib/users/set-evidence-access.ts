/**
 * Owners and admins grant (or revoke) the evidence permission: opening and exporting sealed evidence. Owners and
 * admins hold it by role; a grant matters for moderators. Viewers never see originals, so they cannot be granted
 * it. Audited `user.evidence_access_changed`; takes effect at once (lib/evidence/evidence-access.ts reads it fresh).
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, canManageUsers } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { canChangeUser } from './role-rules';

const input = z.object({ userId: z.uuid(), granted: z.boolean() });

export async function setEvidenceAccess({ ctx, input: raw }: { ctx: Ctx; input: { userId: string; granted: boolean } }): Promise<{ evidenceAccess: boolean }> {
  assertAllowed(canManageUsers(ctx.actor), 'users.evidence_access');
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw new AppError('bad_request', 'evidence access: invalid input');
  const { userId, granted } = parsed.data;
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true, evidenceAccess: true } });
    if (!user) throw new AppError('not_found', 'user not found');
    assertAllowed(canChangeUser(ctx.actor, user.id, user.role), `change user ${user.id}`);
    if (granted && user.role === 'viewer') throw new AppError('bad_request', 'evidence access for a viewer', { userMessage: 'Viewers cannot open evidence: make them a moderator first.' });
    if (user.evidenceAccess === granted) return { evidenceAccess: granted };
    await tx.user.update({ where: { id: user.id }, data: { evidenceAccess: granted } });
    await recordEvent(tx, { actor: ctx.actor, action: 'user.evidence_access_changed', targetType: 'user', targetId: user.id, details: { email: user.email, from: user.evidenceAccess, to: granted } });
    return { evidenceAccess: granted };
  });
}
