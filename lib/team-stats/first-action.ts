import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { zeroFill } from './days';
import { dayOf, instanceFilter, ts } from './sql';
import type { TeamStats } from './types';

/**
 * Time from a report (made on its server) to the first action on it, for reports whose first action fell in the
 * period; median and 90th percentile per UTC day of that action, and over the whole period (the grouping set ()).
 * Withdrawn actions were never sent, so they do not count as a response.
 */
export async function timeToFirstAction(ids: string[] | null, since: Date, dayList: string[]): Promise<TeamStats['firstAction']> {
  const rows = await db.$queryRaw<{ day: string | null; count: number; medianSeconds: number | null; p90Seconds: number | null }[]>`
    with firsts as (
      select r."remoteCreatedAt" as received, min(a."createdAt") as first_at
      from "Report" r join "Action" a on a."reportId" = r.id and a.status <> 'cancelled'
      where true ${instanceFilter(Prisma.sql`r."instanceId"`, ids)}
      group by r.id
    ), spans as (
      select ${dayOf(Prisma.sql`first_at`)} as day, greatest(0, extract(epoch from first_at - received))::float8 as secs
      from firsts where first_at >= ${ts(since)}
    )
    select day, count(*)::int as count,
           percentile_cont(0.5) within group (order by secs) as "medianSeconds",
           percentile_cont(0.9) within group (order by secs) as "p90Seconds"
    from spans group by grouping sets ((day), ())`;
  const all = rows.find((r) => r.day === null);
  const days = rows.filter((r): r is typeof r & { day: string } => r.day !== null);
  return {
    count: all?.count ?? 0,
    medianSeconds: all?.medianSeconds ?? null,
    p90Seconds: all?.p90Seconds ?? null,
    perDay: zeroFill(dayList, days, (day) => ({ day, count: 0, medianSeconds: null, p90Seconds: null }), (r) => r),
  };
}
