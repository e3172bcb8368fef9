/**
 * Live soft claims on these subjects, keyed by subjectKey, for lists (the queue): one query for the whole page.
 * The caller has already limited `keys` to subjects the actor can see.
 */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import type { QueueClaim } from '@/lib/queue/types';
import { staffLabeler } from '@/lib/team/staff-labeler';

export async function claimsFor(ctx: Ctx, subjectType: 'report' | 'case', keys: string[]): Promise<Map<string, QueueClaim>> {
  const out = new Map<string, QueueClaim>();
  if (keys.length === 0) return out;
  const rows = await db.softClaim.findMany({
    where: { subjectType, subjectKey: { in: [...new Set(keys)] }, expiresAt: { gt: new Date() } },
    select: { subjectKey: true, userId: true, userLabel: true },
  });
  const me = ctx.actor.type === 'user' ? ctx.actor.id : null;
  const label = await staffLabeler(ctx.actor, rows.map((r) => r.userId));
  for (const r of rows) out.set(r.subjectKey, { userId: r.userId, label: label(r.userId, r.userLabel), mine: r.userId === me });
  return out;
}
