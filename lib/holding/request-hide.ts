/**
 * Sends a hold's hide step to the outbox, once. The Hold row is the claim: a conditional update (still holding,
 * no action yet, untouched since `staleBefore`) lets exactly one caller through, the placer right after its
 * transaction or the sweeper for a hold whose placer died. requestAction makes its own transaction, so a crash
 * after it and before hideActionId is stored can leave one extra request after 30 s; every hold step is
 * idempotent on the server (mark sensitive, limit, block, make private, suspend), so a repeat changes nothing.
 */
import { requestAction } from '@/lib/actions/request-action';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/log/logger';

const log = logger('holding');

export async function requestHide(holdId: string, ruleName: string, staleBefore?: Date): Promise<string | null> {
  const claimed = await db.hold.updateMany({
    where: { id: holdId, state: 'holding', hideActionId: null, ...(staleBefore ? { updatedAt: { lte: staleBefore } } : {}) },
    data: { updatedAt: new Date() },
  });
  if (claimed.count === 0) return null;
  const hold = await db.hold.findUniqueOrThrow({ where: { id: holdId }, select: { reportId: true, step: true } });
  const action = (hold.step as { action?: unknown } | null)?.action;
  try {
    const { actionId } = await requestAction({ ctx: { actor: { type: 'system', label: `holding:${ruleName}` } }, input: { reportId: hold.reportId, action } });
    await db.hold.updateMany({ where: { id: holdId, hideActionId: null }, data: { hideActionId: actionId } });
    return actionId;
  } catch (e) {
    // The server kind refused the step (it changed since planning) or the item vanished: keep it pinned, say why.
    const reason = e instanceof AppError ? (e.userMessage ?? e.message) : 'The hide step could not be requested.';
    log.warn('hold hide not requested', { holdId, error: String(e) });
    await db.hold.updateMany({ where: { id: holdId, state: 'holding', hideActionId: null }, data: { state: 'not_hidden', reason } });
    return null;
  }
}
