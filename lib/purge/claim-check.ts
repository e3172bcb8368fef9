/**
 * The claim on one receipt round, like a copy lookup's: queued (and due) → running with a lease; a running round
 * whose lease ran out (its worker died) can be claimed again. startedAt is the claim's token: the writing
 * transaction only finishes the round if it still holds that exact claim, so a worker that lost it writes nothing.
 */
import { db } from '@/lib/db';

export interface CheckClaim {
  startedAt: Date;
}

export async function claimCheck(checkId: string, now: Date, leaseMs: number): Promise<CheckClaim | null> {
  // Millisecond precision, as Postgres stores it, so the token compares equal when read back.
  const startedAt = new Date(Math.floor(now.getTime()));
  const taken = await db.purgeCheck.updateMany({
    where: {
      id: checkId,
      OR: [
        { status: 'queued', dueAt: { lte: now } },
        { status: 'running', leaseUntil: { lt: now } },
      ],
    },
    data: { status: 'running', startedAt, leaseUntil: new Date(now.getTime() + leaseMs) },
  });
  return taken.count === 1 ? { startedAt } : null;
}

/** Heartbeat: true while the claim is still ours. */
export async function extendCheckLease(checkId: string, claim: CheckClaim, leaseMs: number): Promise<boolean> {
  const kept = await db.purgeCheck.updateMany({
    where: { id: checkId, status: 'running', startedAt: claim.startedAt },
    data: { leaseUntil: new Date(Date.now() + leaseMs) },
  });
  return kept.count === 1;
}
