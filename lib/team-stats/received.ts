import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { zeroFill } from './days';
import { dayOf, instanceFilter, ts } from './sql';
import type { TeamStats } from './types';

/** Reports made per UTC day on the visible instances (by their servers' time, not when we synced them). */
export async function reportsReceived(ids: string[] | null, since: Date, dayList: string[]): Promise<TeamStats['received']> {
  const rows = await db.$queryRaw<{ day: string; received: number }[]>`
    select ${dayOf(Prisma.sql`r."remoteCreatedAt"`)} as day, count(*)::int as received
    from "Report" r
    where r."remoteCreatedAt" >= ${ts(since)} ${instanceFilter(Prisma.sql`r."instanceId"`, ids)}
    group by day`;
  return zeroFill(dayList, rows, (day) => ({ day, received: 0 }), (r) => r);
}
