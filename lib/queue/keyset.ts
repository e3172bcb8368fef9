/**
 * Sort orders and keyset conditions, matched to the Report indexes in schema.prisma:
 *   (status, remoteCreatedAt DESC, id)            newest = forward scan, oldest = backward scan
 *   (status, priority DESC, remoteCreatedAt DESC, id)  priority = forward scan
 * The id tiebreak runs in the index's direction for each order, so no sort step is needed.
 * Each "after the cursor" condition carries a redundant plain bound (lte/gte) on the leading sort column:
 * Postgres can start the index scan there, and the OR only filters the few rows that tie with the cursor.
 */
import type { Prisma } from '@/lib/generated/prisma/client';
import type { CursorKey } from './cursor';
import type { QueueSort } from './types';

export function orderByFor(sort: QueueSort): Prisma.ReportOrderByWithRelationInput[] {
  switch (sort) {
    case 'newest': return [{ remoteCreatedAt: 'desc' }, { id: 'asc' }];
    case 'oldest': return [{ remoteCreatedAt: 'asc' }, { id: 'desc' }];
    case 'priority': return [{ priority: 'desc' }, { remoteCreatedAt: 'desc' }, { id: 'asc' }];
  }
}

export function afterCursor(c: CursorKey): Prisma.ReportWhereInput {
  const t = c.remoteCreatedAt;
  switch (c.sort) {
    case 'newest':
      return { remoteCreatedAt: { lte: t }, OR: [{ remoteCreatedAt: { lt: t } }, { id: { gt: c.id } }] };
    case 'oldest':
      return { remoteCreatedAt: { gte: t }, OR: [{ remoteCreatedAt: { gt: t } }, { id: { lt: c.id } }] };
    case 'priority': {
      const p = c.priority ?? 0;
      // With priority <= p, each branch below is either "strictly after" or a tie on the earlier keys.
      return {
        priority: { lte: p },
        OR: [{ priority: { lt: p } }, { remoteCreatedAt: { lt: t } }, { remoteCreatedAt: t, id: { gt: c.id } }],
      };
    }
  }
}
