/**
 * The assignee filter as a Report condition. 'none' short-cuts the query when "mine" is provably empty
 * (and for non-user actors, who cannot have assigned anything to themselves).
 */
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Ctx } from '@/lib/audit/actor';
import { reportIdsAssignedTo } from './assigned-to-me';
import type { AssigneeFilter } from './types';

export async function assigneeWhere(ctx: Ctx, filter: AssigneeFilter): Promise<Prisma.ReportWhereInput | 'none' | null> {
  switch (filter) {
    case 'any': return null;
    case 'assigned': return { assigneeId: { not: null } };
    case 'unassigned': return { assigneeId: null };
    case 'me': {
      if (ctx.actor.type !== 'user') return 'none';
      const ids = await reportIdsAssignedTo(ctx.actor.id);
      return ids.length ? { id: { in: ids } } : 'none';
    }
  }
}
