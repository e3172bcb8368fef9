/**
 * The worker side of the outbox. Idempotent: a done action is never sent again; a failed attempt returns the
 * row to pending (retryable) or marks it failed with the remote's error, and the outcome is audited.
 */
import { db } from '@/lib/db';
import { recordEvent } from '@/lib/audit/record-event';
import { capabilitiesFor } from '@/lib/connectors/registry';
import type { ConnectorAction, ServerKind } from '@/lib/connectors/types';
import { connectorFor } from '@/lib/instances/connector-for';
import { enqueueInstanceSync, enqueueMediaFetch } from '@/lib/jobs/enqueue';
import { logger } from '@/lib/log/logger';
import { upsertReport } from '@/lib/sync/upsert-report';
import { applyLocalEffect } from './apply-local-effect';
import { failureText, isRetryable } from './is-retryable';

const log = logger('actions');
const SYSTEM = { type: 'system' as const, label: 'worker' };

export type PerformOutcome = 'done' | 'failed' | 'retry' | 'skipped';

export async function performAction(actionId: string, opts: { finalAttempt: boolean }): Promise<PerformOutcome> {
  const claimed = await db.action.updateMany({ where: { id: actionId, status: { in: ['pending', 'running'] } }, data: { status: 'running', startedAt: new Date(), attempts: { increment: 1 } } });
  if (claimed.count === 0) return 'skipped';
  const action = await db.action.findUniqueOrThrow({ where: { id: actionId }, include: { instance: true } });
  const payload = action.payload as unknown as ConnectorAction;
  try {
    const result = await (await connectorFor(action.instance)).perform(payload);
    await db.$transaction(async (tx) => {
      await tx.action.update({ where: { id: action.id }, data: { status: 'done', finishedAt: new Date(), lastError: null, remoteRef: result.remoteRef ?? null } });
      await applyLocalEffect(tx, action.instanceId, action.reportId, payload, capabilitiesFor(action.instance.kind as ServerKind));
      await recordEvent(tx, {
        actor: SYSTEM, action: `${action.kind}.succeeded`, targetType: 'report', targetId: action.reportId, instanceId: action.instanceId,
        details: { actionId: action.id, attempts: action.attempts, remoteRef: result.remoteRef ?? null },
      });
    });
    if (result.report) {
      const out = await upsertReport(action.instanceId, result.report);
      for (const id of out.newMediaIds) await enqueueMediaFetch(id);
    }
    // Server-side effects (e.g. a suspension resolving other reports) arrive with the next sync.
    await enqueueInstanceSync(action.instanceId, 'after-action').catch(() => {});
    return 'done';
  } catch (e) {
    const text = failureText(e);
    const retry = isRetryable(e) && !opts.finalAttempt;
    log.warn('action attempt failed', { actionId, kind: action.kind, retry, error: text });
    await db.$transaction(async (tx) => {
      await tx.action.update({ where: { id: action.id }, data: { status: retry ? 'pending' : 'failed', lastError: text, finishedAt: retry ? null : new Date() } });
      if (!retry) {
        await recordEvent(tx, {
          actor: SYSTEM, action: `${action.kind}.failed`, targetType: 'report', targetId: action.reportId, instanceId: action.instanceId,
          details: { actionId: action.id, attempts: action.attempts, error: text },
        });
      }
    });
    if (retry) throw e;
    return 'failed';
  }
}
