/**
 * The sidebar's queue health over the instances the actor can see: open reports and the oldest open one per
 * instance, and reports received and resolved per UTC day over the last 30 days (every day listed, zeros included,
 * so the chart's bars line up with dates). Three queries whatever the size of the queue.
 */
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Ctx } from '@/lib/audit/actor';
import { visibleInstanceIds } from '@/lib/auth/policy';

export const HEALTH_DAYS = 30;

export interface InstanceHealth { instanceId: string; name: string; kind: string; open: number; oldestOpenAt: string | null }
export interface DayCount { day: string; received: number; resolved: number }
export interface QueueHealth { perInstance: InstanceHealth[]; perDay: DayCount[] }

/** The last `days` UTC dates ending today, oldest first, as YYYY-MM-DD. */
export function lastDays(now: Date, days = HEALTH_DAYS): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: days }, (_, i) => new Date(today - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10));
}

export async function queueHealth({ ctx, now = new Date() }: { ctx: Ctx; now?: Date }): Promise<QueueHealth> {
  const visible = visibleInstanceIds(ctx.actor);
  const days = lastDays(now);
  const since = new Date(`${days[0]}T00:00:00.000Z`);
  const scope = visible ? Prisma.sql`AND "instanceId" = ANY(${visible}::uuid[])` : Prisma.empty;
  const [groups, instances, perDay] = await Promise.all([
    db.report.groupBy({
      by: ['instanceId'], where: { status: 'open', ...(visible ? { instanceId: { in: visible } } : {}) },
      _count: { _all: true }, _min: { remoteCreatedAt: true },
    }),
    db.instance.findMany({ where: visible ? { id: { in: visible } } : {}, select: { id: true, name: true, kind: true }, orderBy: { name: 'asc' } }),
    // Timestamps are stored as UTC without a zone, so date_trunc('day') is the UTC day.
    db.$queryRaw<{ day: string; received: bigint; resolved: bigint }[]>`
      SELECT day, sum(received)::bigint AS received, sum(resolved)::bigint AS resolved FROM (
        SELECT to_char(date_trunc('day', "remoteCreatedAt"), 'YYYY-MM-DD') AS day, count(*) AS received, 0 AS resolved
          FROM "Report" WHERE "remoteCreatedAt" >= ${since} ${scope} GROUP BY 1
        UNION ALL
        SELECT to_char(date_trunc('day', "resolvedAt"), 'YYYY-MM-DD') AS day, 0 AS received, count(*) AS resolved
          FROM "Report" WHERE "status" = 'resolved' AND "resolvedAt" >= ${since} ${scope} GROUP BY 1
      ) t GROUP BY day`,
  ]);
  const open = new Map(groups.map((g) => [g.instanceId, g]));
  const byDay = new Map(perDay.map((d) => [d.day, d]));
  return {
    perInstance: instances.map((i) => {
      const g = open.get(i.id);
      return { instanceId: i.id, name: i.name, kind: i.kind, open: g?._count._all ?? 0, oldestOpenAt: g?._min.remoteCreatedAt?.toISOString() ?? null };
    }),
    perDay: days.map((day) => ({ day, received: Number(byDay.get(day)?.received ?? 0), resolved: Number(byDay.get(day)?.resolved ?? 0) })),
  };
}
