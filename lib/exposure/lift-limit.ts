/**
 * A lead lifts a colleague's exposure limit for some hours, with a reason, audited as exposure.limit_lifted. Not
 * for oneself: the limit protects the person who hit it, and lifting one's own would defeat it.
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { hasRole } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';

export const liftLimitInput = z.object({
  userId: z.uuid(),
  reason: z.string().trim().min(1, 'Give a reason (1 to 500 characters).').max(500, 'Give a reason (1 to 500 characters).'),
  hours: z.number().int().min(1, 'Lift for 1 to 24 hours.').max(24, 'Lift for 1 to 24 hours.').default(8),
}).strict();
export type LiftLimitInput = z.input<typeof liftLimitInput>;

export async function liftLimit({ ctx, input }: { ctx: Ctx; input: LiftLimitInput }): Promise<{ id: string; userId: string; expiresAt: string }> {
  if (ctx.actor.type !== 'user' || !hasRole(ctx.actor, 'admin')) {
    throw new AppError('forbidden', 'exposure lift needs admin', { userMessage: 'Only admins and owners can lift an exposure limit.' });
  }
  const { userId, reason, hours } = liftLimitInput.parse(input);
  if (userId === ctx.actor.id) {
    throw new AppError('forbidden', 'exposure lift for oneself', { userMessage: 'You cannot lift your own limit: it is there for you. Ask another lead, or take the break.' });
  }
  const lead = ctx.actor;
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, disabledAt: true } });
    if (!user || user.disabledAt) throw new AppError('not_found', 'lift: no such active user', { userMessage: 'No such active team member.' });
    const expiresAt = new Date(Date.now() + hours * 60 * 60 * 1000);
    const lift = await tx.exposureLift.create({ data: { userId, liftedById: lead.id, reason, expiresAt } });
    await recordEvent(tx, { actor: lead, action: 'exposure.limit_lifted', targetType: 'user', targetId: userId, details: { userId, reason, expiresAt: expiresAt.toISOString() } });
    return { id: lift.id, userId, expiresAt: expiresAt.toISOString() };
  });
}
