/** The actor's own saved filters and the ones colleagues shared, by name. */
import type { Ctx } from '@/lib/audit/actor';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { staffLabeler } from '@/lib/team/staff-labeler';
import type { SavedFilterItem } from './types';

export async function listSavedFilters({ ctx }: { ctx: Ctx }): Promise<SavedFilterItem[]> {
  const actor = ctx.actor;
  if (actor.type !== 'user') throw new AppError('forbidden', 'saved filters belong to people');
  const rows = await db.savedFilter.findMany({
    where: { OR: [{ userId: actor.id }, { shared: true }] },
    orderBy: [{ name: 'asc' }, { createdAt: 'asc' }],
    take: 200,
    select: { id: true, name: true, query: true, shared: true, userId: true, createdAt: true, user: { select: { email: true, name: true } } },
  });
  const label = await staffLabeler(actor, rows.map((r) => r.userId));
  return rows.map((r) => ({
    id: r.id, name: r.name, query: r.query, shared: r.shared, mine: r.userId === actor.id,
    ownerLabel: label(r.userId, r.user.name || r.user.email), createdAt: r.createdAt.toISOString(),
  }));
}
