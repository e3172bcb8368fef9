/**
 * Runs the scheduler tick resumes: running, nobody holding the lease (its driver died, or its job was lost), and
 * something to do now: a step not yet over that no admin has to approve, or a receipt round that is due (or whose
 * checker died). A run waiting only for an admin, or for a later re-check, is left alone until then.
 */
import { db } from '@/lib/db';

export async function strandedPurgeRuns(now: Date, take = 100): Promise<string[]> {
  const runs = await db.purgeRun.findMany({
    where: {
      state: 'running',
      OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
      AND: [{
        OR: [
          { steps: { some: { state: { in: ['waiting', 'queued'] } } } },
          { checks: { some: { OR: [{ status: 'queued', dueAt: { lte: now } }, { status: 'running', leaseUntil: { lt: now } }] } } },
        ],
      }],
    },
    select: { id: true },
    orderBy: { createdAt: 'asc' },
    take,
  });
  return runs.map((r) => r.id);
}
