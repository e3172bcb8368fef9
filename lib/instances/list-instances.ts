import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { visibleInstanceIds } from '@/lib/auth/policy';

export interface InstanceSummary {
  id: string;
  name: string;
  kind: string;
  baseUrl: string;
  domain: string;
  status: string;
  allowPrivate: boolean;
  syncEnabled: boolean;
  lastSyncAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  openReports: number;
  software: unknown;
}

/** Never selects the sealed token or webhook secret: summaries go to browsers and CLI output. */
export async function listInstances({ ctx }: { ctx: Ctx }): Promise<InstanceSummary[]> {
  const ids = visibleInstanceIds(ctx.actor);
  const rows = await db.instance.findMany({
    where: ids ? { id: { in: ids } } : undefined,
    orderBy: { name: 'asc' },
    select: {
      id: true, name: true, kind: true, baseUrl: true, domain: true, status: true, allowPrivate: true, syncEnabled: true,
      lastSyncAt: true, lastError: true, lastErrorAt: true, software: true,
    },
  });
  const counts = await db.report.groupBy({ by: ['instanceId'], where: { status: 'open' }, _count: { _all: true } });
  const byId = new Map(counts.map((c) => [c.instanceId, c._count._all]));
  return rows.map((r) => ({ ...r, openReports: byId.get(r.id) ?? 0 }));
}
