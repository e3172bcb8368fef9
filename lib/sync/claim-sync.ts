/**
 * One sync per instance at a time, whichever worker (or `sync --once`) runs it. The job queue alone cannot promise
 * this without stalling: pg-boss's 'stately' policy refuses to start a queued sync while any sync of that key is
 * active, and its fetch then returns nothing for the whole queue. So the queue only dedupes queued jobs ('short')
 * and this lease on the instance row decides who syncs: short, extended by a heartbeat, so a killed worker's
 * claim frees up within a lease.
 */
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';

export const SYNC_LEASE_MS = 60_000;

export async function claimSync(instanceId: string, now = new Date(), leaseMs = SYNC_LEASE_MS): Promise<string | null> {
  const token = randomUUID();
  const claimed = await db.instance.updateMany({
    where: { id: instanceId, OR: [{ syncLeaseUntil: null }, { syncLeaseUntil: { lt: now } }] },
    data: { syncLeaseToken: token, syncLeaseUntil: new Date(now.getTime() + leaseMs), lastSyncStartedAt: now },
  });
  return claimed.count === 1 ? token : null;
}

export async function extendSync(instanceId: string, token: string, leaseMs = SYNC_LEASE_MS): Promise<boolean> {
  const r = await db.instance.updateMany({ where: { id: instanceId, syncLeaseToken: token }, data: { syncLeaseUntil: new Date(Date.now() + leaseMs) } });
  return r.count === 1;
}

export async function releaseSync(instanceId: string, token: string): Promise<void> {
  await db.instance.updateMany({ where: { id: instanceId, syncLeaseToken: token }, data: { syncLeaseToken: null, syncLeaseUntil: null } });
}
