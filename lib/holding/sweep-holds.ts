/**
 * Runs every scheduler tick. Moves holds whose outbox action settled (settle-holds.ts) in case the worker's own
 * call was missed, requests the hide of a hold whose placer died before sending it (request-hide.ts claims it), and
 * notifies once (hold.overdue) for holds past their review time.
 *
 * Decision: an overdue hold is never undone automatically. It stays hidden and pinned, flagged overdue: undoing
 * on a timer would put back content a trusted signal flagged just because nobody looked in time. Never throws.
 */
import { db } from '@/lib/db';
import { recordEvent } from '@/lib/audit/record-event';
import { logger } from '@/lib/log/logger';
import { notifyEvent, wakeDeliveries } from '@/lib/notify/notify-event';
import { holdPayload } from './hold-payload';
import { PENDING_STATES } from './hold-view';
import { requestHide } from './request-hide';
import { settleHoldsForAction } from './settle-holds';
import type { HoldSignal } from './types';

const log = logger('holding');
const ORPHAN_MS = 30_000;
const BATCH = 100;

export async function sweepHolds(now: Date): Promise<{ settled: number; overdue: number }> {
  let settled = 0;
  let overdue = 0;
  try {
    const waiting = await db.hold.findMany({
      where: { OR: [{ state: 'holding', hideActionId: { not: null } }, { state: 'undoing', undoActionId: { not: null } }] },
      select: { hideActionId: true, undoActionId: true, state: true }, take: BATCH,
    });
    const actionIds = [...new Set(waiting.map((h) => (h.state === 'holding' ? h.hideActionId : h.undoActionId)).filter((x): x is string => !!x))];
    for (const id of actionIds) settled += await settleHoldsForAction(id);
    const orphans = await db.hold.findMany({
      where: { state: 'holding', hideActionId: null, updatedAt: { lte: new Date(now.getTime() - ORPHAN_MS) } },
      select: { id: true, rule: { select: { name: true } } }, take: BATCH,
    });
    for (const o of orphans) await requestHide(o.id, o.rule.name, new Date(now.getTime() - ORPHAN_MS));
    overdue = await notifyOverdue(now);
  } catch (e) {
    log.error('hold sweep failed', { error: String(e) });
  }
  return { settled, overdue };
}

async function notifyOverdue(now: Date): Promise<number> {
  const due = await db.hold.findMany({
    where: { dryRun: false, state: { in: [...PENDING_STATES] }, dueAt: { lt: now }, overdueNotifiedAt: null },
    select: { id: true, reportId: true, instanceId: true, signal: true, step: true, state: true, dueAt: true, rule: { select: { id: true, name: true } } },
    take: BATCH,
  });
  let n = 0;
  for (const h of due) {
    const deliveries = await db.$transaction(async (tx) => {
      const claimed = await tx.hold.updateMany({ where: { id: h.id, overdueNotifiedAt: null }, data: { overdueNotifiedAt: now } });
      if (claimed.count === 0) return null;
      const inst = await tx.instance.findUnique({ where: { id: h.instanceId }, select: { name: true } });
      await recordEvent(tx, {
        actor: { type: 'system', label: 'holding' }, action: 'hold.overdue', targetType: 'report', targetId: h.reportId, instanceId: h.instanceId,
        details: { holdId: h.id, ruleId: h.rule.id, ruleName: h.rule.name, dueAt: h.dueAt.toISOString(), state: h.state },
      });
      const label = h.state === 'held' || h.state === 'holding' ? (h.step as { label?: string } | null)?.label ?? null : null;
      return notifyEvent(holdPayload('hold.overdue', {
        holdId: h.id, ruleName: h.rule.name, instanceName: inst?.name ?? '', reportId: h.reportId, signal: h.signal as unknown as HoldSignal, step: label, dueAt: h.dueAt, now,
      }), tx);
    });
    if (deliveries) {
      n++;
      await wakeDeliveries(deliveries);
    }
  }
  return n;
}
