/**
 * Per-day exposure counts (UTC: the columns are timestamps without zone, written in UTC) for some people, from ONE grouped query over ExposureEvent (index userId+startedAt),
 * then laid out in JS so every day and week is present, zeros included: a chart with gaps would read as "no data"
 * rather than "nothing seen".
 */
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { ExposureDay, ExposureWeek } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;
type Counts = Omit<ExposureDay, 'day'>;

export const zeroCounts = (): Counts => ({ reveals: 0, severeReveals: 0, revealSeconds: 0, caseViews: 0, evidenceOpens: 0 });

/** Midnight UTC of `d`'s day. */
export function utcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/** Monday (UTC) of the ISO week `d` is in. */
export function utcMonday(d: Date): Date {
  const day = utcDay(d);
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY_MS);
}

interface Row { userId: string; day: string; reveals: number; severe: number; ms: number; views: number; opens: number }

/** userId → (YYYY-MM-DD → counts) for every day since `since` (a UTC midnight). */
export async function loadDailyCounts(userIds: string[], since: Date, severeAt: number): Promise<Map<string, Map<string, Counts>>> {
  const out = new Map<string, Map<string, Counts>>(userIds.map((id) => [id, new Map()]));
  if (userIds.length === 0) return out;
  const rows = await db.$queryRaw<Row[]>`
    select "userId"::text as "userId", to_char(date_trunc('day', "startedAt"), 'YYYY-MM-DD') as day,
      (count(*) filter (where kind = 'reveal'))::int as reveals,
      (count(*) filter (where kind = 'reveal' and severity >= ${severeAt}))::int as severe,
      coalesce(sum("durationMs") filter (where kind = 'reveal'), 0)::float8 as ms,
      (count(*) filter (where kind = 'case_view'))::int as views,
      (count(*) filter (where kind = 'evidence_open'))::int as opens
    from "ExposureEvent"
    where "userId" in (${Prisma.join(userIds.map((id) => Prisma.sql`${id}::uuid`))}) and "startedAt" >= (${since.toISOString()}::timestamptz at time zone 'UTC')
    group by 1, 2`;
  for (const r of rows) {
    out.get(r.userId)?.set(r.day, { reveals: r.reveals, severeReveals: r.severe, revealSeconds: Math.round(r.ms / 1000), caseViews: r.views, evidenceOpens: r.opens });
  }
  return out;
}

/** The last `n` days up to `now`'s day, oldest first. */
export function lastDays(byDay: Map<string, Counts>, now: Date, n: number): ExposureDay[] {
  const today = utcDay(now).getTime();
  return Array.from({ length: n }, (_, i) => {
    const day = isoDay(new Date(today - (n - 1 - i) * DAY_MS));
    return { day, ...(byDay.get(day) ?? zeroCounts()) };
  });
}

/** The last `n` ISO weeks up to `now`'s week, oldest first. */
export function lastWeeks(byDay: Map<string, Counts>, now: Date, n: number): ExposureWeek[] {
  const monday = utcMonday(now).getTime();
  return Array.from({ length: n }, (_, i) => {
    const start = monday - (n - 1 - i) * 7 * DAY_MS;
    const days = Array.from({ length: 7 }, (_, d) => byDay.get(isoDay(new Date(start + d * DAY_MS))) ?? zeroCounts());
    return { weekStart: isoDay(new Date(start)), ...sumCounts(days) };
  });
}

export function sumCounts(list: Counts[]): Counts {
  const t = zeroCounts();
  for (const c of list) {
    t.reveals += c.reveals; t.severeReveals += c.severeReveals; t.revealSeconds += c.revealSeconds; t.caseViews += c.caseViews; t.evidenceOpens += c.evidenceOpens;
  }
  return t;
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}
