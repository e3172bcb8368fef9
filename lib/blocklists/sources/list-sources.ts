/** Every source with its entry count and the last read's bad and unresolved lines; anyone signed in may read. */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { assertAllowed, hasRole } from '@/lib/auth/policy';
import type { SourceView } from '@/lib/blocklists/types';
import { LATEST_READ, toSourceView } from './source-view';

export async function listSources({ ctx }: { ctx: Ctx }): Promise<SourceView[]> {
  assertAllowed(hasRole(ctx.actor, 'viewer'), 'blocklist.source.list');
  const rows = await db.blocklistSource.findMany({
    orderBy: { createdAt: 'asc' },
    include: { _count: { select: { entries: true } }, fetches: { ...LATEST_READ, select: { badLineCount: true, unresolved: true } } },
  });
  // By name as a person reads it (the database's collation may put every capital first).
  const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  return rows.map((r) => toSourceView(r, r._count.entries, r.fetches[0] ?? null)).sort((a, b) => byName.compare(a.name, b.name));
}
