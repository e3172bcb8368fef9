/**
 * Drives one instance of a purge run through its steps, one at a time in position order. Each step becomes an
 * outbox Action in the same transaction as its `.requested` event (the unique Action.purgeStepId makes a second
 * one impossible), and is then performed here at once; the action's claim arbitrates with the outbox poller, so a
 * crash anywhere resumes from the rows and never sends twice. When every step is over, the first receipt round
 * is queued.
 */
import { db } from '@/lib/db';
import { recordEvent } from '@/lib/audit/record-event';
import { performAction, type PerformOptions } from '@/lib/actions/perform-action';
import type { InstanceLimiter } from '@/lib/cases/instance-limiter';

const SYSTEM = { type: 'system' as const, label: 'purge.run' };
const OVER = ['done', 'failed', 'skipped'] as const;

export interface AdvanceOptions {
  limiter: InstanceLimiter;
  perform?: PerformOptions;
  /** Waits for an action's retry up to this long in-process; a longer one hands back "come back at". */
  maxInlineWaitMs: number;
  sleep: (ms: number) => Promise<void>;
  now: () => Date;
}

export interface RunRef { id: string; caseId: string; requestedById: string | null }

/** null: the steps are over (or wait for an admin); a date: come back then (an action waits out its backoff). */
export async function advanceInstance(run: RunRef, instanceId: string, o: AdvanceOptions): Promise<{ later: Date | null; stepsOver: boolean }> {
  for (;;) {
    const step = await db.purgeStep.findFirst({ where: { runId: run.id, instanceId, state: { notIn: [...OVER] } }, orderBy: { position: 'asc' } });
    if (!step) {
      await ensureFirstCheck(run, instanceId);
      return { later: null, stepsOver: true };
    }
    if (step.state === 'needs_admin') return { later: null, stepsOver: false };
    const actionId = step.actionId ?? (await queueStep(run, step));
    if (!actionId) continue; // cancelled or taken in between: read again
    const outcome = await o.limiter.run(instanceId, () => performAction(actionId, { ...o.perform, now: o.now() }));
    if (outcome === 'done' || outcome === 'failed') continue;
    const row = await db.action.findUnique({ where: { id: actionId }, select: { status: true, nextAttemptAt: true, leaseUntil: true, lastError: true, remoteRef: true } });
    if (!row) continue;
    if (row.status === 'done' || row.status === 'failed') {
      await settleStep(step.id, row.status, row.status === 'failed' ? row.lastError : row.remoteRef);
      continue;
    }
    // Backing off after a transient failure, or held by another worker (the outbox poller, or a dead one's lease).
    const until = row.status === 'pending' ? row.nextAttemptAt : row.leaseUntil;
    const wait = Math.max(50, (until?.getTime() ?? 0) - o.now().getTime());
    if (wait > o.maxInlineWaitMs) return { later: new Date(o.now().getTime() + wait), stepsOver: false };
    await o.sleep(wait);
  }
}

/** Hands a waiting step to the outbox: its Action, its audit event and 'queued', all or nothing. */
async function queueStep(run: RunRef, step: { id: string; instanceId: string; kind: string; payload: unknown; copyIds: string[] }): Promise<string | null> {
  return db.$transaction(async (tx) => {
    const moved = await tx.purgeStep.updateMany({ where: { id: step.id, state: 'waiting', actionId: null }, data: { state: 'queued' } });
    if (moved.count === 0) return null;
    const action = await tx.action.create({
      data: { instanceId: step.instanceId, kind: step.kind, payload: step.payload as object, caseId: run.caseId, purgeStepId: step.id, requestedById: run.requestedById },
      select: { id: true },
    });
    await tx.purgeStep.update({ where: { id: step.id }, data: { actionId: action.id } });
    await recordEvent(tx, {
      actor: SYSTEM, action: `${step.kind}.requested`, targetType: 'case', targetId: run.caseId, instanceId: step.instanceId,
      details: { actionId: action.id, runId: run.id, stepId: step.id, copyIds: step.copyIds, ...(step.payload as object) },
    });
    return action.id;
  });
}

/** The outbox's finish sets the step in its own transaction; this only mends a step whose action ended without it. */
async function settleStep(stepId: string, status: 'done' | 'failed', detail: string | null): Promise<void> {
  await db.purgeStep.updateMany({ where: { id: stepId, state: 'queued' }, data: { state: status, detail } });
}

async function ensureFirstCheck(run: RunRef, instanceId: string): Promise<void> {
  const any = await db.purgeCheck.count({ where: { runId: run.id, instanceId } });
  if (any === 0) await db.purgeCheck.createMany({ data: [{ runId: run.id, caseId: run.caseId, instanceId, round: 1 }], skipDuplicates: true });
}

export { ensureFirstCheck };
