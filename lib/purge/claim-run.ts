/**
 * The lease of the purge.run job that drives a run: one driver at a time (a second job for the same run stands
 * down), and a driver that died frees the run within one lease for the scheduler tick to resume.
 */
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';

export async function claimRun(runId: string, now: Date, leaseMs: number): Promise<string | null> {
  const token = randomUUID();
  const r = await db.purgeRun.updateMany({
    where: { id: runId, state: 'running', OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
    data: { leaseToken: token, leaseUntil: new Date(now.getTime() + leaseMs) },
  });
  return r.count === 1 ? token : null;
}

export async function extendRunLease(runId: string, token: string, leaseMs: number): Promise<boolean> {
  const r = await db.purgeRun.updateMany({ where: { id: runId, leaseToken: token }, data: { leaseUntil: new Date(Date.now() + leaseMs) } });
  return r.count === 1;
}

export async function releaseRun(runId: string, token: string): Promise<void> {
  await db.purgeRun.updateMany({ where: { id: runId, leaseToken: token }, data: { leaseToken: null, leaseUntil: null } });
}
