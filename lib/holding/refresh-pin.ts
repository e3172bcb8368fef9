/** Report.holdPendingAt follows the item's holds: set while any live hold waits for a human, cleared after. */
import type { Tx } from '@/lib/db';
import { PENDING_STATES } from './hold-view';

export async function refreshPin(tx: Tx, reportId: string, now = new Date()): Promise<void> {
  const pending = await tx.hold.count({ where: { reportId, dryRun: false, state: { in: [...PENDING_STATES] } } });
  if (pending > 0) await tx.report.updateMany({ where: { id: reportId, holdPendingAt: null }, data: { holdPendingAt: now } });
  else await tx.report.updateMany({ where: { id: reportId, holdPendingAt: { not: null } }, data: { holdPendingAt: null } });
}
