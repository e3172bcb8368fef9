/**
 * Moves the holds that wait on an outbox action once it settled: a landed hide makes the hold `held`; a failed
 * one leaves it pinned as `not_hidden` with the server's error; a landed undo makes it `undone`; a failed undo puts
 * it back to `held` (still hidden, pinned again) so a human sees the undo did not happen. Called right after the
 * worker writes an action's outcome (perform-action.ts) and by the sweeper (sweep-holds.ts) for anything missed.
 */
import { db } from '@/lib/db';
import { refreshPin } from './refresh-pin';

export async function settleHoldsForAction(actionId: string): Promise<number> {
  const action = await db.action.findUnique({ where: { id: actionId }, select: { status: true, lastError: true } });
  if (!action || action.status === 'pending' || action.status === 'running') return 0;
  const ok = action.status === 'done';
  const why = action.lastError ?? (action.status === 'cancelled' ? 'The step was withdrawn before it was sent.' : 'The server refused the step.');
  let moved = 0;
  const hides = await db.hold.findMany({ where: { hideActionId: actionId, state: 'holding' }, select: { id: true, reportId: true } });
  for (const h of hides) {
    moved += await db.$transaction(async (tx) => {
      const n = await tx.hold.updateMany({
        where: { id: h.id, state: 'holding' },
        data: ok ? { state: 'held', reason: null } : { state: 'not_hidden', reason: `The hide step failed: ${why}` },
      });
      return n.count;
    });
  }
  const undos = await db.hold.findMany({ where: { undoActionId: actionId, state: 'undoing' }, select: { id: true, reportId: true } });
  for (const h of undos) {
    moved += await db.$transaction(async (tx) => {
      const n = await tx.hold.updateMany({
        where: { id: h.id, state: 'undoing' },
        data: ok ? { state: 'undone' } : { state: 'held', reason: `Undo failed: ${why}`, decision: null, decidedAt: null, decidedById: null },
      });
      if (n.count > 0) await refreshPin(tx, h.reportId);
      return n.count;
    });
  }
  return moved;
}
