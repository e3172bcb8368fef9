/**
 * Sends a hold's hide step to the outbox, once. The Hold row is the claim: a conditional update (still holding,
 * no action yet, untouched since `staleBefore`) lets exactly one caller through, the placer right after its
 * transaction or the sweeper for a hold whose placer died. The action's id is stored on the hold in the outbox
 * row's own transaction, and only if the hold still has none, so a hold never gets two hide actions.
 */
import { requestAction } from '@/lib/actions/request-action';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/log/logger';

const log = logger('holding');

class AlreadyRequested extends Error {}

export async function requestHide(holdId: string, ruleName: string, staleBefore?: Date): Promise<string | null> {
  const claimed = await db.hold.updateMany({
    where: { id: holdId, state: 'holding', hideActionId: null, ...(staleBefore ? { updatedAt: { lte: staleBefore } } : {}) },
    data: { updatedAt: new Date() },
  });
  if (claimed.count === 0) return null;
  const hold = await db.hold.findUniqueOrThrow({ where: { id: holdId }, select: { reportId: true, step: true } });
  const action = (hold.step as { action?: unknown } | null)?.action;
  try {
    const { actionId } = await requestAction({
      ctx: { actor: { type: 'system', label: `holding:${ruleName}` } }, input: { reportId: hold.reportId, action },
      alsoInTx: async (tx, id) => {
        const stored = await tx.hold.updateMany({ where: { id: holdId, hideActionId: null }, data: { hideActionId: id } });
        if (stored.count === 0) throw new AlreadyRequested();
      },
    });
    return actionId;
  } catch (e) {
    if (e instanceof AlreadyRequested) return null; // another caller's request won; this one rolled back
    // The server kind refused the step (it changed since planning) or the item vanished: keep it pinned, say why.
    const reason = e instanceof AppError ? (e.userMessage ?? e.message) : 'The hide step could not be requested.';
    log.warn('hold hide not requested', { holdId, error: String(e) });
    await db.hold.updateMany({ where: { id: holdId, state: 'holding', hideActionId: null }, data: { state: 'not_hidden', reason } });
    return null;
  }
}
