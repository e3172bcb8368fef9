/** Sources the scheduler tick should fetch now: enabled URL sources whose time has come and that nobody is fetching. */
import { db } from '@/lib/db';

export async function dueSources(now = new Date(), limit = 100): Promise<string[]> {
  const rows = await db.blocklistSource.findMany({
    where: {
      enabled: true, url: { not: null },
      OR: [{ nextFetchAt: null }, { nextFetchAt: { lte: now } }],
      AND: [{ OR: [{ fetchLeaseUntil: null }, { fetchLeaseUntil: { lt: now } }] }],
    },
    orderBy: { nextFetchAt: { sort: 'asc', nulls: 'first' } },
    select: { id: true },
    take: limit,
  });
  return rows.map((r) => r.id);
}
