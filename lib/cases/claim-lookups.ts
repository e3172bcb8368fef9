/**
 * Claims a case's lookups for one run: the queued ones, and running ones whose worker died (lease ran out).
 * One UPDATE ... RETURNING over rows locked with SKIP LOCKED, so two workers running the same case at once split
 * its rows instead of both asking the same instance. The claim's startedAt is its token: a later claim of the
 * same row needs the lease to have run out, so it always has a later startedAt, and every write of this run
 * (heartbeat, outcome) checks it, so a worker that lost its row writes nothing.
 */
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';

export interface ClaimedLookup {
  id: string;
  instanceId: string;
}

export interface LookupClaim {
  startedAt: Date;
  rows: ClaimedLookup[];
}

/** `instanceId`: claim only that instance's row (a single lookup run on its own). */
export async function claimLookups(caseId: string, now: Date, leaseMs: number, instanceId?: string): Promise<LookupClaim> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const oneInstance = instanceId ? Prisma.sql`AND "instanceId" = ${instanceId}::uuid` : Prisma.empty;
  const rows = await db.$queryRaw<ClaimedLookup[]>`
    UPDATE "CaseLookup" SET status = 'running', "startedAt" = ${now}, "leaseUntil" = ${leaseUntil}, "finishedAt" = NULL
    WHERE id IN (
      SELECT id FROM "CaseLookup"
      WHERE "caseId" = ${caseId}::uuid ${oneInstance}
        AND (status = 'queued' OR (status = 'running' AND ("leaseUntil" IS NULL OR "leaseUntil" < ${now})))
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, "instanceId"`;
  return { startedAt: now, rows: rows.map((r) => ({ id: r.id, instanceId: r.instanceId })) };
}

/** Extends the lease of this claim's rows that are still running; returns how many it still holds. */
export async function extendLookupLeases(ids: string[], startedAt: Date, leaseMs: number): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await db.caseLookup.updateMany({
    where: { id: { in: ids }, status: 'running', startedAt },
    data: { leaseUntil: new Date(Date.now() + leaseMs) },
  });
  return r.count;
}

/** Cases with a lookup that nobody is running: queued for a while (a lost job) or running past its lease. */
export async function strandedLookupCases(now: Date, queuedForMs = 60_000, take = 100): Promise<string[]> {
  const rows = await db.caseLookup.findMany({
    where: {
      OR: [
        { status: 'queued', requestedAt: { lt: new Date(now.getTime() - queuedForMs) } },
        { status: 'running', leaseUntil: { lt: now } },
      ],
    },
    select: { caseId: true },
    distinct: ['caseId'],
    take,
  });
  return rows.map((r) => r.caseId);
}
