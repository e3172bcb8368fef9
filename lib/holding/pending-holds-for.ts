/** The hold waiting for a human on each of these items (the one due first), one query for a whole queue page. */
import type { Ctx } from '@/lib/audit/actor';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { HOLD_VIEW_SELECT, PENDING_STATES } from './hold-view';
import { mapHolds } from './list-holds';
import type { HoldView } from './types';

export async function pendingHoldsFor(ctx: Ctx, reportIds: string[]): Promise<Map<string, HoldView>> {
  if (reportIds.length === 0) return new Map();
  const rows = await db.hold.findMany({
    where: { reportId: { in: reportIds }, dryRun: false, state: { in: [...PENDING_STATES] } },
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }], select: HOLD_VIEW_SELECT,
  });
  const first = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!first.has(r.reportId)) first.set(r.reportId, r);
  const views = await mapHolds(ctx, [...first.values()]);
  return new Map(views.map((v) => [v.reportId, v]));
}

/**
 * The pinned items for the first queue page: open items with a pending hold that pass `where` (visibility,
 * instance, exposure), oldest due first, at most `limit`.
 */
export async function heldReportIds(where: Prisma.ReportWhereInput[], limit = 50): Promise<string[]> {
  const holds = await db.hold.findMany({
    where: { dryRun: false, state: { in: [...PENDING_STATES] }, report: { AND: [...where, { holdPendingAt: { not: null } }] } },
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }], select: { reportId: true }, take: limit * 4,
  });
  return [...new Set(holds.map((h) => h.reportId))].slice(0, limit);
}
