/**
 * The worker side of the outbox: deliver one action at most once per claim, and exactly once in effect.
 * The row is claimed with a short lease that a heartbeat extends while the remote call runs, so a dead worker's
 * action is picked up within seconds. Before the remote call the row records that a send started; if a later
 * claim finds that mark (the worker died, or the server answered 5xx), it reads the remote state first, or hands
 * the action to a human where no read can tell (delivery-class.ts). Retries are the outbox's own: capped,
 * backed off, and never stacked by the job queue.
 */
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { recordEvent } from '@/lib/audit/record-event';
import { capabilitiesFor } from '@/lib/connectors/registry';
import type { ActionResult, Connector, ConnectorAction, ServerKind } from '@/lib/connectors/types';
import { connectorFor } from '@/lib/instances/connector-for';
import { enqueueAction, enqueueInstanceSync, enqueueMediaFetch } from '@/lib/jobs/enqueue';
import { startHeartbeat } from '@/lib/jobs/heartbeat';
import { outboxBackoffMs, outboxSettings, type OutboxSettings } from '@/lib/jobs/outbox-settings';
import { logger } from '@/lib/log/logger';
import { upsertReport } from '@/lib/sync/upsert-report';
import { applyLocalEffect } from './apply-local-effect';
import { checkDomainBlock } from './check-domain-block';
import { claimAction, extendActionLease } from './claim-action';
import { appliedInReport, DELIVERY_CLASS, reportToCheck, UNCERTAIN_TEXT, type RemoteCheck } from './delivery-class';
import { failureText, isRetryable } from './is-retryable';
import { mayHaveApplied } from './may-have-applied';
import { recordBlocklistFailure, recordBlocklistOutcome } from '@/lib/blocklists/record-outcome';
import { ALREADY_GONE, alreadyGone, checkEarlierPurgeStep } from '@/lib/purge/check-earlier-purge-step';
import { settleHoldsForAction } from '@/lib/holding/settle-holds';

const log = logger('actions');
const SYSTEM = { type: 'system' as const, label: 'worker' };
const ROW = { instance: true, report: { select: { remoteId: true } } } as const;

export type PerformOutcome = 'done' | 'failed' | 'retry' | 'skipped';

export interface PerformOptions {
  /** Give up on a transient failure instead of scheduling another attempt (CLI and tests). */
  finalAttempt?: boolean;
  /** Injected clock for claims and backoff (tests). */
  now?: Date;
  settings?: Partial<OutboxSettings>;
}

export async function performAction(actionId: string, opts: PerformOptions = {}): Promise<PerformOutcome> {
  const outcome = await performOnce(actionId, opts);
  // A hold waiting on this action shows "held" (or why not) within seconds, not at the next sweep.
  if (outcome === 'done' || outcome === 'failed') await settleHoldsForAction(actionId).catch((e) => log.error('settling holds failed', { actionId, error: String(e) }));
  return outcome;
}

async function performOnce(actionId: string, opts: PerformOptions): Promise<PerformOutcome> {
  const s = outboxSettings(opts.settings);
  const now = opts.now ?? new Date();
  const token = await claimAction(actionId, now, s.leaseMs);
  if (!token) return 'skipped';
  const action = await db.action.findUniqueOrThrow({ where: { id: actionId }, include: ROW });
  // Our own row, written by request-action from a parsed ActionInput.
  const payload = action.payload as unknown as ConnectorAction;
  // Stopped (idempotently) before the outcome is written: that write ends the claim, and a beat after it would
  // look like a lost lease.
  const stop = startHeartbeat(s.leaseMs, () => extendActionLease(actionId, token, s.leaseMs));
  let sentNow = false;
  try {
    const connector = await connectorFor(action.instance);
    if (action.unconfirmedSendAt) {
      // A purge step has no report to read: it asks the server for the account or the copy itself.
      const earlier = action.purgeStepId
        ? await checkEarlierPurgeStep(connector, action)
        : await checkEarlierAttempt(connector, payload, action.report?.remoteId ?? null);
      log.info('earlier attempt may have reached the server; checked', { actionId, kind: action.kind, verdict: earlier });
      if (earlier === 'applied') {
        stop();
        return await finishDone(action, payload, { ok: true }, true);
      }
      if (earlier === 'unknown') {
        stop();
        return await finishFailed(action, token, UNCERTAIN_TEXT, true);
      }
    }
    // The last moment to notice a lost claim (this worker stalled past its lease and another took over): after
    // this write the other worker sees the mark and looks before sending, so only one of us sends.
    const marked = await db.action.updateMany({ where: { id: actionId, leaseToken: token, status: 'running' }, data: { unconfirmedSendAt: new Date() } });
    if (marked.count === 0) return 'skipped';
    sentNow = true;
    const result = await connector.perform(payload);
    stop();
    return await finishDone(action, payload, result, false);
  } catch (e) {
    stop();
    // A send that may have landed keeps its mark, so the next claim looks before sending again.
    const uncertain = sentNow ? mayHaveApplied(e) : action.unconfirmedSendAt !== null;
    const text = failureText(e);
    if (action.purgeStepId && alreadyGone(payload.kind, e)) {
      return await finishDone(action, payload, { ok: true }, false, ALREADY_GONE);
    }
    // A purge step is read back by its own check (check-earlier-purge-step.ts), whatever its kind's class.
    if (uncertain && DELIVERY_CLASS[payload.kind] === 'unverifiable' && action.purgeStepId === null) {
      return await finishFailed(action, token, `${text} ${UNCERTAIN_TEXT}`, true);
    }
    const retry = isRetryable(e) && !opts.finalAttempt && action.attempts < s.actionMaxAttempts;
    log.warn('action attempt failed', { actionId, kind: action.kind, attempt: action.attempts, retry, uncertain, error: text });
    if (!retry) {
      const capped = isRetryable(e) && !opts.finalAttempt ? `Gave up after ${action.attempts} attempts: ${text}` : text;
      return await finishFailed(action, token, uncertain ? `${capped} ${UNCERTAIN_TEXT}` : capped, uncertain);
    }
    const nextAttemptAt = new Date(now.getTime() + outboxBackoffMs(action.attempts, s));
    const released = await db.action.updateMany({
      where: { id: actionId, leaseToken: token },
      data: { status: 'pending', lastError: text, leaseUntil: null, leaseToken: null, nextAttemptAt, unconfirmedSendAt: uncertain ? (action.unconfirmedSendAt ?? new Date()) : null },
    });
    if (released.count === 1) await enqueueAction(actionId, nextAttemptAt).catch(() => {}); // the worker's poll re-queues it otherwise
    return 'retry';
  } finally {
    stop();
  }
}

/** 'not_applied' means "send it": idempotent kinds are safe to send again without looking. */
async function checkEarlierAttempt(connector: Connector, a: ConnectorAction, reportRemoteId: string | null): Promise<RemoteCheck> {
  if (a.kind === 'domain.block') return checkDomainBlock(connector, a.domain);
  const cls = DELIVERY_CLASS[a.kind];
  if (cls === 'idempotent') return 'not_applied';
  if (cls === 'unverifiable') return 'unknown';
  const reportId = reportToCheck(a, reportRemoteId);
  if (!reportId) return 'unknown';
  return appliedInReport(a, await connector.getReport(reportId));
}

type ActionRow = Prisma.ActionGetPayload<{ include: typeof ROW }>;

async function finishDone(action: ActionRow, payload: ConnectorAction, result: ActionResult, verified: boolean, detail?: string): Promise<PerformOutcome> {
  // The send succeeded (or the server shows it did): that is a fact whoever holds the lease now, so any running
  // or pending row becomes done; clearing the token makes a worker that took over in between stand down.
  const wrote = await db.$transaction(async (tx) => {
    const done = await tx.action.updateMany({
      where: { id: action.id, status: { in: ['running', 'pending'] } },
      data: { status: 'done', finishedAt: new Date(), lastError: null, remoteRef: result.remoteRef ?? null, leaseUntil: null, leaseToken: null, unconfirmedSendAt: null, nextAttemptAt: null },
    });
    if (done.count === 0) return false;
    await applyLocalEffect(tx, action.instanceId, action.reportId, payload, capabilitiesFor(action.instance.kind as ServerKind));
    if (action.purgeStepId) await tx.purgeStep.updateMany({ where: { id: action.purgeStepId }, data: { state: 'done', detail: detail ?? result.remoteRef ?? null } });
    // A case forward sent through the outbox (lib/forwarding) follows its action; only a queued one, so a forward
    // already replaced or discarded never comes back to life and collides with its live successor.
    await tx.caseForward.updateMany({ where: { actionId: action.id, state: 'queued' }, data: { state: 'sent', sentAt: new Date() } });
    // A blocklist reconcile: each domain's outcome lands on its change row and the instance's block mirror.
    if (action.blocklistApplicationId) await recordBlocklistOutcome(tx, action, payload, result);
    await recordEvent(tx, {
      actor: SYSTEM, action: `${action.kind}.succeeded`, ...auditTarget(action), instanceId: action.instanceId,
      details: { actionId: action.id, attempts: action.attempts, remoteRef: result.remoteRef ?? null, ...(verified ? { foundAppliedOnServer: true } : {}), ...(detail ? { detail } : {}) },
    });
    return true;
  });
  if (!wrote) return 'skipped';
  if (result.report) {
    const out = await upsertReport(action.instanceId, result.report);
    for (const id of out.newMediaIds) await enqueueMediaFetch(id);
  }
  // Server-side effects (e.g. a suspension resolving other reports) arrive with the next sync.
  await enqueueInstanceSync(action.instanceId, 'after-action').catch(() => {});
  return 'done';
}

async function finishFailed(action: ActionRow, token: string, text: string, uncertain: boolean): Promise<PerformOutcome> {
  const lastError = text.slice(0, 1000);
  const wrote = await db.$transaction(async (tx) => {
    const failed = await tx.action.updateMany({
      where: { id: action.id, leaseToken: token },
      // An uncertain send keeps its mark until a human retries (retry-action clears it after they checked).
      data: { status: 'failed', lastError, finishedAt: new Date(), leaseUntil: null, leaseToken: null, nextAttemptAt: null, ...(uncertain ? {} : { unconfirmedSendAt: null }) },
    });
    if (failed.count === 0) return false;
    if (action.purgeStepId) await tx.purgeStep.updateMany({ where: { id: action.purgeStepId }, data: { state: 'failed', detail: lastError } });
    await tx.caseForward.updateMany({ where: { actionId: action.id, state: 'queued' }, data: { state: 'failed' } });
    if (action.blocklistApplicationId) await recordBlocklistFailure(tx, action, lastError);
    await recordEvent(tx, {
      actor: SYSTEM, action: `${action.kind}.failed`, ...auditTarget(action), instanceId: action.instanceId,
      details: { actionId: action.id, attempts: action.attempts, error: lastError, ...(uncertain ? { mayHaveReachedServer: true } : {}) },
    });
    return true;
  });
  return wrote ? 'failed' : 'skipped';
}

/** A purge step's events belong to its case (lib/purge), a reconcile's to its blocklist application; others to their report. */
function auditTarget(action: ActionRow): { targetType: string; targetId: string | null } {
  if (action.blocklistApplicationId) return { targetType: 'blocklist_application', targetId: action.blocklistApplicationId };
  return action.caseId ? { targetType: 'case', targetId: action.caseId } : { targetType: 'report', targetId: action.reportId };
}
