/** Every hold on one item, newest first (live and dry run), for the report page. Visibility is the caller's check. */
import type { Ctx } from '@/lib/audit/actor';
import { db } from '@/lib/db';
import { HOLD_VIEW_SELECT } from './hold-view';
import { mapHolds } from './list-holds';
import type { HoldView } from './types';

export async function holdsForReport(ctx: Ctx, reportId: string): Promise<HoldView[]> {
  const rows = await db.hold.findMany({ where: { reportId }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], take: 50, select: HOLD_VIEW_SELECT });
  return mapHolds(ctx, rows);
}
