/** Every outside matcher with its circuit state and counts, never its key. Admins only (the page is admin-only). */
import type { Ctx } from '@/lib/audit/actor';
import { assertAllowed, hasRole } from '@/lib/auth/policy';
import { db } from '@/lib/db';
import { toMatcherView, type MatcherCounts } from './to-matcher-view';
import type { MatcherView } from './types';

export async function listMatchers({ ctx }: { ctx: Ctx }): Promise<MatcherView[]> {
  assertAllowed(hasRole(ctx.actor, 'admin'), 'matchers.list');
  const rows = await db.outsideMatcher.findMany({ orderBy: { name: 'asc' } });
  const counts = await countsFor(rows.map((r) => r.id));
  return rows.map((r) => toMatcherView(r, counts.get(r.id) ?? { hits: 0, checked: 0, pendingChecks: 0 }));
}

export async function getMatcherView(id: string): Promise<MatcherView | null> {
  const row = await db.outsideMatcher.findUnique({ where: { id } });
  if (!row) return null;
  return toMatcherView(row, (await countsFor([id])).get(id) ?? { hits: 0, checked: 0, pendingChecks: 0 });
}

async function countsFor(ids: string[]): Promise<Map<string, MatcherCounts>> {
  const out = new Map<string, MatcherCounts>(ids.map((id) => [id, { hits: 0, checked: 0, pendingChecks: 0 }]));
  if (ids.length === 0) return out;
  const [hits, checks] = await Promise.all([
    db.outsideMatch.groupBy({ by: ['matcherId'], where: { matcherId: { in: ids } }, _count: { _all: true } }),
    db.outsideCheck.groupBy({ by: ['matcherId', 'state'], where: { matcherId: { in: ids } }, _count: { _all: true } }),
  ]);
  for (const h of hits) out.get(h.matcherId)!.hits = h._count._all;
  for (const c of checks) {
    const o = out.get(c.matcherId)!;
    if (c.state === 'done') o.checked += c._count._all;
    if (c.state === 'pending') o.pendingChecks += c._count._all;
  }
  return out;
}
