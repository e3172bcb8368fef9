/**
 * The driver of one CyberTipline filing (job Q.filingRun; `cases file --wait` calls it in-process). Under the
 * filing's lease it runs the step the state names, records it, and goes on, so a crash or a retry resumes where
 * the row says. A step that may have landed without an answer stops at "uncertain" for a person; a refusal
 * before anything was done is retried with the outbox's backoff, inline when short, else by a delayed job.
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { enqueueFilingRun } from '@/lib/jobs/enqueue';
import { startHeartbeat } from '@/lib/jobs/heartbeat';
import { outboxBackoffMs, outboxSettings, type OutboxSettings } from '@/lib/jobs/outbox-settings';
import { logger } from '@/lib/log/logger';
import type { NcmecClient } from './ncmec/client';
import { ncmecClientFor, requireNcmecConnection } from './settings/ncmec-connection';
import { claimFiling, extendFilingLease, releaseFiling } from './claim-filing';
import { recordProblem } from './record-filing';
import { fileInfoStep } from './steps/file-info';
import { finishStep } from './steps/finish';
import { LeaseLost, type FilingRow, type StepContext, type StepOutcome } from './steps/step-context';
import { submitStep } from './steps/submit';
import { uploadStep } from './steps/upload';

const log = logger('filing');
/** Transient failures of one step before a person is asked (the contract's cap). */
export const FILING_MAX_ATTEMPTS = 6;

export type RunFilingResult = 'finished' | 'problem' | 'waiting' | 'busy' | 'retracted';

export interface RunFilingOptions {
  now?: () => Date;
  leaseMs?: number;
  client?: NcmecClient;
  /** Backoffs up to this long are slept through under the lease; longer ones become a delayed job. */
  maxInlineWaitMs?: number;
  /** Backoff base and cap (tests pass milliseconds). */
  settings?: Partial<Pick<OutboxSettings, 'backoffBaseMs' | 'backoffCapMs'>>;
}

export const filingRunJobData = z.object({ filingId: z.uuid() });

const STEP: Record<string, (ctx: StepContext) => Promise<StepOutcome>> = {
  pending: submitStep, submitted: uploadStep, files_uploaded: fileInfoStep, file_info_sent: finishStep,
};
const STEP_NAME: Record<string, string> = { pending: 'submit', submitted: 'upload', files_uploaded: 'file_info', file_info_sent: 'finish' };

export async function runFiling(filingId: string, opts: RunFilingOptions = {}): Promise<RunFilingResult> {
  const now = opts.now ?? (() => new Date());
  const leaseMs = opts.leaseMs ?? 30_000;
  const token = await claimFiling(filingId, now(), leaseMs);
  if (!token) return standing(filingId);
  const stop = startHeartbeat(leaseMs, () => extendFilingLease(filingId, token, leaseMs));
  let next: Date | null = null;
  try {
    const client = opts.client ?? ncmecClientFor(await requireNcmecConnection());
    const backoff = outboxSettings(opts.settings);
    for (;;) {
      const filing = await db.filing.findUniqueOrThrow({ where: { id: filingId }, include: { files: true } });
      if (filing.leaseToken !== token) return 'busy';
      const done = settled(filing);
      if (done) return done;
      if (filing.nextAttemptAt && filing.nextAttemptAt > now()) {
        next = filing.nextAttemptAt;
        return 'waiting';
      }
      const out = await STEP[filing.state]({ filing, token, client, now });
      if (out === 'advanced') continue;
      if (out === 'problem') return 'problem';
      const attempts = filing.attempts + 1;
      const step = STEP_NAME[filing.state];
      log.warn('filing step failed; will retry', { filingId, step, attempts, error: out.transient });
      if (attempts >= FILING_MAX_ATTEMPTS) {
        return await recordProblem(filing, token, 'failed', `Gave up after ${attempts} attempts: ${out.transient}`, { step, attempts }, { attempts });
      }
      const wait = Math.max(outboxBackoffMs(attempts, backoff), (out.retryAt?.getTime() ?? 0) - now().getTime());
      const inline = wait <= (opts.maxInlineWaitMs ?? 5_000);
      const nextAttemptAt = inline ? null : new Date(now().getTime() + wait);
      await db.filing.updateMany({ where: { id: filingId, leaseToken: token }, data: { attempts, lastError: out.transient, nextAttemptAt } });
      if (!inline) {
        next = nextAttemptAt;
        return 'waiting';
      }
      await new Promise((r) => setTimeout(r, wait));
    }
  } catch (e) {
    if (e instanceof LeaseLost) return 'busy';
    throw e;
  } finally {
    stop();
    await releaseFiling(filingId, token);
    // After the release, so the delayed driver can take the lease.
    if (next) await enqueueFilingRun(filingId, next).catch((e) => log.warn('re-queue failed; the tick will resume it', { filingId, error: String(e) }));
  }
}

function settled(f: Pick<FilingRow, 'state' | 'problem'>): RunFilingResult | null {
  if (f.state === 'finished') return 'finished';
  if (f.state === 'retracted') return 'retracted';
  return f.problem ? 'problem' : null;
}

/** Why the lease could not be taken: the filing is over, waits for a person, or someone else drives it. */
async function standing(filingId: string): Promise<RunFilingResult> {
  const f = await db.filing.findUnique({ where: { id: filingId }, select: { state: true, problem: true } });
  if (!f) throw new AppError('not_found', `filing ${filingId} not found`);
  return settled(f) ?? 'busy';
}
