/**
 * Filings the scheduler tick resumes: not over, not waiting for a person, nobody holding the lease (its driver
 * died or its job was lost) and due (no backoff pending).
 */
import { db } from '@/lib/db';

export async function strandedFilings(now: Date, take = 100): Promise<string[]> {
  const rows = await db.filing.findMany({
    where: {
      state: { notIn: ['finished', 'retracted'] },
      problem: null,
      OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
      AND: [{ OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] }],
    },
    select: { id: true },
    orderBy: { createdAt: 'asc' },
    take,
  });
  return rows.map((r) => r.id);
}
