/**
 * One rule firing on one queue item. The Hold row is written first, with its audit event and notifications in the
 * same transaction; its unique (rule, subject) makes a second evaluation a no-op. A live hide is then requested
 * through the outbox (request-hide.ts); if the process dies in between, sweep-holds.ts requests it later.
 */
import crypto from 'node:crypto';
import { db } from '@/lib/db';
import { recordEvent } from '@/lib/audit/record-event';
import type { ServerKind } from '@/lib/connectors/types';
import type { HoldRule } from '@/lib/generated/prisma/client';
import { notifyEvent, wakeDeliveries } from '@/lib/notify/notify-event';
import { holdPayload } from './hold-payload';
import { planHoldStep } from './plan-step';
import { requestHide } from './request-hide';
import type { HoldLevel, HoldSignal } from './types';

export interface HoldSubject {
  reportId: string;
  instanceId: string;
  instanceKind: string;
  instanceName: string;
  targetRemoteId: string;
  status: { id: string; remoteId: string; visibility: string | null } | null;
  hasMedia: boolean;
}

/** Returns the new hold's id, or null when this rule already holds this subject. */
export async function placeHold(rule: HoldRule, subject: HoldSubject, signal: HoldSignal, now = new Date()): Promise<string | null> {
  const dryRun = rule.mode !== 'live';
  const planned = planHoldStep({
    kind: subject.instanceKind as ServerKind, level: rule.level as HoldLevel, allowSuspend: rule.allowSuspend, status: subject.status, hasMedia: subject.hasMedia,
  });
  const step = planned.step;
  const subjectKey = step?.subject === 'account' || !subject.status ? `account:${subject.targetRemoteId}` : `status:${subject.status.remoteId}`;
  const id = crypto.randomUUID();
  const state = dryRun ? 'would_hold' : step ? 'holding' : 'not_hidden';
  const dueAt = new Date(now.getTime() + rule.reviewMinutes * 60_000);
  const actor = { type: 'system' as const, label: `holding:${rule.name}` };
  const deliveries = await db.$transaction(async (tx) => {
    const made = await tx.hold.createMany({
      data: [{
        id, ruleId: rule.id, reportId: subject.reportId, instanceId: subject.instanceId, subjectKey, dryRun, state,
        signal: signal as object, step: step ? (step as object) : undefined, reason: planned.reason ?? null, dueAt,
      }],
      skipDuplicates: true,
    });
    if (made.count === 0) return null;
    if (!dryRun) await tx.report.updateMany({ where: { id: subject.reportId, holdPendingAt: null }, data: { holdPendingAt: now } });
    await recordEvent(tx, {
      actor, action: dryRun ? 'hold.would_hold' : 'hold.placed', targetType: 'report', targetId: subject.reportId, instanceId: subject.instanceId,
      details: { holdId: id, ruleId: rule.id, ruleName: rule.name, signal, step: step?.label ?? null, subjectKey, ...(planned.reason ? { reason: planned.reason } : {}) },
    });
    return notifyEvent(holdPayload(dryRun ? 'hold.would_hold' : 'hold.placed', {
      holdId: id, ruleName: rule.name, instanceName: subject.instanceName, reportId: subject.reportId, signal, step: dryRun ? null : step?.label ?? null, dueAt, now,
    }), tx);
  });
  if (deliveries === null) return null;
  await wakeDeliveries(deliveries);
  if (state === 'holding') await requestHide(id, rule.name);
  return id;
}
