/**
 * The lease on a Filing row (like lib/purge/claim-run.ts): one driver at a time, and a driver that died frees the
 * filing within one lease, so the scheduler tick resumes it. The lease never decides what was sent: the step
 * marks (submitStartedAt, uploadStartedAt) do.
 */
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';

const ACTIVE = ['pending', 'submitted', 'files_uploaded', 'file_info_sent'] as const;

/** `withProblem`: retract may take a filing that waits for a person; the driver never does. */
export async function claimFiling(filingId: string, now: Date, leaseMs: number, opts: { withProblem?: boolean } = {}): Promise<string | null> {
  const token = randomUUID();
  const r = await db.filing.updateMany({
    where: {
      id: filingId, state: { in: [...ACTIVE] }, ...(opts.withProblem ? {} : { problem: null }),
      OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
    },
    data: { leaseToken: token, leaseUntil: new Date(now.getTime() + leaseMs) },
  });
  return r.count === 1 ? token : null;
}

export async function extendFilingLease(filingId: string, token: string, leaseMs: number): Promise<boolean> {
  const r = await db.filing.updateMany({ where: { id: filingId, leaseToken: token }, data: { leaseUntil: new Date(Date.now() + leaseMs) } });
  return r.count === 1;
}

export async function releaseFiling(filingId: string, token: string): Promise<void> {
  await db.filing.updateMany({ where: { id: filingId, leaseToken: token }, data: { leaseToken: null, leaseUntil: null } });
}
