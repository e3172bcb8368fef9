import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { zeroFill } from './days';
import { dayOf, instanceFilter, ts } from './sql';
import type { TeamStats } from './types';

/**
 * Automated work (actions nobody asked for: purge steps and other jobs; cases the system opened from a hash match)
 * against manual work (actions people asked for; cases people opened), per UTC day. Withdrawn actions never happened.
 */
export async function automatedVersusManual(ids: string[] | null, since: Date, dayList: string[]): Promise<TeamStats['autoManual']> {
  const rows = await db.$queryRaw<{ day: string; automated: number; manual: number }[]>`
    select day, sum(auto)::int as automated, sum(manual)::int as manual from (
      select ${dayOf(Prisma.sql`a."createdAt"`)} as day, (a."requestedById" is null)::int as auto, (a."requestedById" is not null)::int as manual
      from "Action" a
      where a.status <> 'cancelled' and a."createdAt" >= ${ts(since)} ${instanceFilter(Prisma.sql`a."instanceId"`, ids)}
      union all
      select ${dayOf(Prisma.sql`e.at`)}, (e."actorType" = 'system')::int, (e."actorType" = 'user')::int
      from "AuditEvent" e
      where e.action = 'case.opened' and e.at >= ${ts(since)} ${instanceFilter(Prisma.sql`e."instanceId"`, ids)}
    ) x group by day`;
  const perDay = zeroFill(dayList, rows, (day) => ({ day, automated: 0, manual: 0 }), (r) => r);
  return { automated: perDay.reduce((s, d) => s + d.automated, 0), manual: perDay.reduce((s, d) => s + d.manual, 0), perDay };
}
