/** Watch terms as the page, the API and the CLI show them, with their hit counts (all time and last 24 hours). */
import { db } from '@/lib/db';
import type { WatchKind, WatchTermView } from './types';

const DAY_MS = 24 * 3_600_000;

export async function termViews(where: { id?: string } = {}): Promise<WatchTermView[]> {
  const terms = await db.watchTerm.findMany({ where, orderBy: [{ kind: 'asc' }, { value: 'asc' }] });
  if (terms.length === 0) return [];
  const ids = terms.map((t) => t.id);
  const [all, recent] = await Promise.all([
    db.watchHit.groupBy({ by: ['termId'], where: { termId: { in: ids } }, _count: { _all: true } }),
    db.watchHit.groupBy({ by: ['termId'], where: { termId: { in: ids }, createdAt: { gte: new Date(Date.now() - DAY_MS) } }, _count: { _all: true } }),
  ]);
  const count = (rows: typeof all) => new Map(rows.map((r) => [r.termId, r._count._all]));
  const hits = count(all);
  const recentHits = count(recent);
  return terms.map((t) => ({
    id: t.id,
    kind: t.kind as WatchKind,
    value: t.value,
    note: t.note,
    enabled: t.enabled,
    instanceIds: t.instanceIds,
    hits: hits.get(t.id) ?? 0,
    recentHits: recentHits.get(t.id) ?? 0,
    lastHitAt: t.lastHitAt?.toISOString() ?? null,
    createdAt: t.createdAt.toISOString(),
  }));
}
