/**
 * The driver of one purge run (job Q.purgeRun; the CLI's --wait calls it in-process). Under the run's lease it
 * advances every instance in parallel (at most 16 at once, one step at a time per instance, 5 starts a second per
 * instance), queues each instance's first receipt round when its steps are over, runs the rounds that are due
 * (D's checkInstance), then lets finishRunIfComplete close the run. Everything it does is a row, so a driver that
 * dies is resumed by the next job or the scheduler tick from where the rows say, and nothing is sent twice.
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { PerformOptions } from '@/lib/actions/perform-action';
import { createInstanceLimiter } from '@/lib/cases/instance-limiter';
import { AppError } from '@/lib/errors';
import { enqueuePurgeRun } from '@/lib/jobs/enqueue';
import { startHeartbeat } from '@/lib/jobs/heartbeat';
import { logger } from '@/lib/log/logger';
import { advanceInstance, ensureFirstCheck, type RunRef } from './advance-instance';
import { checkInstance, type CheckInstanceOptions } from './check-instance';
import { claimRun, extendRunLease, releaseRun } from './claim-run';
import { finishRunIfComplete } from './finish-run';

const log = logger('purge');
const GLOBAL_CAP = 16;
/** One process-wide limiter: a burst of runs on one server still starts at most 5 removals a second there. */
const stepLimiter = createInstanceLimiter({ perSecond: 5 });

export interface RunPurgeOptions {
  now?: () => Date;
  leaseMs?: number;
  perform?: PerformOptions;
  check?: CheckInstanceOptions;
  maxInlineWaitMs?: number;
}

/** The job's data: our own enqueue writes it, but a queue row is read back from the database. */
export const purgeRunJobData = z.object({ runId: z.uuid() });

const planShape = z.object({
  unchecked: z.array(z.object({ instance: z.object({ id: z.string() }) })).default([]),
  checkOnly: z.array(z.string()).default([]),
});

export async function runPurge(runId: string, opts: RunPurgeOptions = {}): Promise<'done' | 'waiting' | 'busy'> {
  const now = opts.now ?? (() => new Date());
  const leaseMs = opts.leaseMs ?? 30_000;
  const token = await claimRun(runId, now(), leaseMs);
  if (!token) {
    const r = await db.purgeRun.findUnique({ where: { id: runId }, select: { state: true } });
    if (!r) throw new AppError('not_found', `purge run ${runId} not found`);
    return r.state === 'done' ? 'done' : 'busy';
  }
  const stop = startHeartbeat(leaseMs, () => extendRunLease(runId, token, leaseMs));
  let next: Date | null = null;
  try {
    const run = await db.purgeRun.findUniqueOrThrow({ where: { id: runId }, select: { id: true, caseId: true, requestedById: true, plan: true } });
    const plan = planShape.safeParse(run.plan);
    const checkOnly = plan.success ? [...plan.data.unchecked.map((u) => u.instance.id), ...plan.data.checkOnly] : [];
    for (const id of checkOnly) await ensureFirstCheck(run, id);
    const withSteps = (await db.purgeStep.findMany({ where: { runId }, select: { instanceId: true }, distinct: ['instanceId'] })).map((s) => s.instanceId);
    const instances = [...new Set([...withSteps, ...checkOnly])];
    const laters = await mapLimit(instances, GLOBAL_CAP, (id) => driveInstance(run, id, opts, now));
    await runDueChecks(runId, null, opts, now);
    await finishRunIfComplete(runId);
    const state = await db.purgeRun.findUniqueOrThrow({ where: { id: runId }, select: { state: true } });
    if (state.state === 'done') return 'done';
    const due = await db.purgeCheck.findFirst({ where: { runId, status: 'queued', dueAt: { gt: now() } }, orderBy: { dueAt: 'asc' }, select: { dueAt: true } });
    next = earliest([...laters, due?.dueAt ?? null]);
    return 'waiting';
  } finally {
    stop();
    await releaseRun(runId, token);
    // After the release, so the next driver can take the lease when it starts.
    if (next) await enqueuePurgeRun(runId, next).catch((e) => log.warn('re-queue failed; the tick will resume it', { runId, error: String(e) }));
  }
}

/** One instance: its steps, then its due receipt rounds. Its failure is logged and left on its step, never spread. */
async function driveInstance(run: RunRef, instanceId: string, opts: RunPurgeOptions, now: () => Date): Promise<Date | null> {
  try {
    const r = await advanceInstance(run, instanceId, {
      limiter: stepLimiter, perform: opts.perform, now, maxInlineWaitMs: opts.maxInlineWaitMs ?? 5_000,
      sleep: (ms) => new Promise((res) => setTimeout(res, ms)),
    });
    if (r.stepsOver) await runDueChecks(run.id, instanceId, opts, now);
    return r.later;
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    log.error('purge instance failed; will retry', { runId: run.id, instanceId, error: text });
    await db.purgeStep.updateMany({ where: { runId: run.id, instanceId, state: { in: ['waiting', 'queued'] } }, data: { detail: `Error, will retry: ${text.slice(0, 500)}` } }).catch(() => {});
    return new Date(now().getTime() + 30_000);
  }
}

async function runDueChecks(runId: string, instanceId: string | null, opts: RunPurgeOptions, now: () => Date): Promise<void> {
  const t = now();
  const checks = await db.purgeCheck.findMany({
    where: { runId, ...(instanceId ? { instanceId } : {}), OR: [{ status: 'queued', dueAt: { lte: t } }, { status: 'running', leaseUntil: { lt: t } }] },
    orderBy: [{ round: 'asc' }], select: { id: true, instanceId: true },
  });
  await mapLimit(checks, GLOBAL_CAP, async (c) => {
    try {
      await checkInstance(c.id, { ...opts.check, now: t });
    } catch (e) {
      log.error('receipt round failed; it is retried when its lease runs out', { runId, checkId: c.id, error: e instanceof Error ? e.message : String(e) });
    }
  });
}

function earliest(ds: (Date | null)[]): Date | null {
  const times = ds.filter((d): d is Date => d !== null).map((d) => d.getTime());
  return times.length ? new Date(Math.min(...times)) : null;
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let i = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (i < items.length) {
      const k = i++;
      out[k] = await fn(items[k]);
    }
  });
  await Promise.all(workers);
  return out;
}
