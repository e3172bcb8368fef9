/**
 * Claims a pending media row for one fetch (see claim-action.ts for the pattern): due and unclaimed, or claimed
 * by a worker whose lease ran out. Media has no 'running' state; a live leaseToken is the claim.
 */
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';

export async function claimMedia(mediaId: string, now: Date, leaseMs: number): Promise<{ token: string; attempts: number } | null> {
  const token = randomUUID();
  const claimed = await db.media.updateMany({
    where: {
      id: mediaId,
      state: 'pending',
      OR: [
        { leaseToken: null, OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] },
        { leaseToken: { not: null }, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
      ],
    },
    data: { attempts: { increment: 1 }, leaseUntil: new Date(now.getTime() + leaseMs), leaseToken: token, nextAttemptAt: null },
  });
  if (claimed.count !== 1) return null;
  const row = await db.media.findUniqueOrThrow({ where: { id: mediaId }, select: { attempts: true } });
  return { token, attempts: row.attempts };
}

export async function extendMediaLease(mediaId: string, token: string, leaseMs: number): Promise<boolean> {
  const r = await db.media.updateMany({ where: { id: mediaId, leaseToken: token, state: 'pending' }, data: { leaseUntil: new Date(Date.now() + leaseMs) } });
  return r.count === 1;
}
