/** One source: settings, the last 20 fetches with what changed, and its first 500 entries. */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { assertAllowed, hasRole } from '@/lib/auth/policy';
import type { Severity, SourceDetailView } from '@/lib/blocklists/types';
import { AppError } from '@/lib/errors';
import { parseOr, sourceId } from './source-fields';
import { LATEST_READ, toFetchView, toSourceView } from './source-view';

export async function getSource({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<SourceDetailView> {
  assertAllowed(hasRole(ctx.actor, 'viewer'), 'blocklist.source.read');
  const id = parseOr(sourceId, input.id, 'source');
  const row = await db.blocklistSource.findUnique({ where: { id }, include: { _count: { select: { entries: true } } } });
  if (!row) throw new AppError('not_found', 'blocklist source not found', { userMessage: 'That blocklist source no longer exists.' });
  const [fetches, latest, entries] = await Promise.all([
    db.blocklistFetch.findMany({ where: { sourceId: id }, orderBy: { at: 'desc' }, take: 20 }),
    db.blocklistFetch.findFirst({ where: { sourceId: id, ...LATEST_READ.where }, orderBy: LATEST_READ.orderBy, select: { badLineCount: true, unresolved: true } }),
    db.blocklistEntry.findMany({
      where: { sourceId: id }, orderBy: { domain: 'asc' }, take: 500,
      select: { domain: true, severity: true, rejectMedia: true, rejectReports: true, publicComment: true, wildcard: true, obfuscatedAs: true },
    }),
  ]);
  return {
    ...toSourceView(row, row._count.entries, latest),
    fetches: fetches.map(toFetchView),
    entries: entries.map((e) => ({ ...e, severity: e.severity as Severity })),
  };
}
