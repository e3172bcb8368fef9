/**
 * Claims an outbox row for one worker: a pending row that is due, or a running row whose lease ran out (its
 * worker died or stalled). One conditional UPDATE, so two workers can never both win the same row.
 * Returns the claim's token (every later write of this attempt is conditioned on it), or null.
 */
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';

export async function claimAction(actionId: string, now: Date, leaseMs: number): Promise<string | null> {
  const token = randomUUID();
  const claimed = await db.action.updateMany({
    where: {
      id: actionId,
      OR: [
        { status: 'pending', OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] },
        // leaseUntil null: a row left running by a worker from before leases existed.
        { status: 'running', OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
      ],
    },
    data: { status: 'running', startedAt: now, attempts: { increment: 1 }, leaseUntil: new Date(now.getTime() + leaseMs), leaseToken: token, nextAttemptAt: null },
  });
  return claimed.count === 1 ? token : null;
}

/** The heartbeat: false when the claim is gone (another worker took the row over). */
export async function extendActionLease(actionId: string, token: string, leaseMs: number): Promise<boolean> {
  const r = await db.action.updateMany({ where: { id: actionId, leaseToken: token, status: 'running' }, data: { leaseUntil: new Date(Date.now() + leaseMs) } });
  return r.count === 1;
}
