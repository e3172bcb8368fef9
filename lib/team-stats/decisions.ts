import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { zeroFill } from './days';
import { dayOf, instanceFilter, ts } from './sql';
import type { TeamStats } from './types';

const CLOSING = ['report.resolve', 'report.reject'];

/** Done actions people asked for, per person and UTC day of completion; jobs' actions are not decisions. */
export async function decisionsPerModerator(ids: string[] | null, since: Date, dayList: string[]): Promise<TeamStats['decisions']> {
  const at = Prisma.sql`coalesce(a."finishedAt", a."createdAt")`;
  const rows = await db.$queryRaw<{ userId: string; label: string; day: string; decisions: number; resolves: number }[]>`
    select a."requestedById"::text as "userId", coalesce(nullif(trim(u.name), ''), u.email) as label, ${dayOf(at)} as day,
           count(*)::int as decisions, (count(*) filter (where a.kind = any(${CLOSING})))::int as resolves
    from "Action" a join "User" u on u.id = a."requestedById"
    where a.status = 'done' and ${at} >= ${ts(since)} ${instanceFilter(Prisma.sql`a."instanceId"`, ids)}
    group by a."requestedById", u.name, u.email, day`;
  const people = new Map<string, { label: string; rows: typeof rows }>();
  for (const r of rows) {
    const p = people.get(r.userId) ?? { label: r.label, rows: [] };
    p.rows.push(r);
    people.set(r.userId, p);
  }
  const moderators = [...people.entries()].map(([userId, p]) => ({
    userId,
    label: p.label,
    total: p.rows.reduce((s, r) => s + r.decisions, 0),
    resolves: p.rows.reduce((s, r) => s + r.resolves, 0),
    perDay: zeroFill(dayList, p.rows, () => 0, (r) => r.decisions),
  })).sort((a, b) => b.total - a.total || a.label.localeCompare(b.label));
  const perDay = dayList.map((day) => {
    const same = rows.filter((r) => r.day === day);
    return { day, decisions: same.reduce((s, r) => s + r.decisions, 0), resolves: same.reduce((s, r) => s + r.resolves, 0) };
  });
  return { moderators, perDay };
}
