/**
 * The watch terms with their hit counts, and per visible instance what its server kind can watch (from the
 * connector's capabilities) and how its last scan went (the 'public' WatchCursor row).
 */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { assertAllowed, hasRole, visibleInstanceIds } from '@/lib/auth/policy';
import { capabilitiesFor } from '@/lib/connectors/registry';
import type { ServerKind } from '@/lib/connectors/types';
import { termViews } from './term-view';
import type { WatchInstanceView, WatchTermView } from './types';

export const PUBLIC_FEED = 'public';

export async function listWatchTerms({ ctx }: { ctx: Ctx }): Promise<{ terms: WatchTermView[]; instances: WatchInstanceView[] }> {
  assertAllowed(hasRole(ctx.actor, 'viewer'), 'watch_term.list');
  const visible = visibleInstanceIds(ctx.actor);
  const [terms, rows] = await Promise.all([
    termViews(),
    db.instance.findMany({ where: visible ? { id: { in: visible } } : {}, orderBy: { name: 'asc' }, select: { id: true, name: true, kind: true } }),
  ]);
  const cursors = new Map(
    (await db.watchCursor.findMany({ where: { feed: PUBLIC_FEED, instanceId: { in: rows.map((r) => r.id) } } })).map((c) => [c.instanceId, c]),
  );
  const instances = rows.map((r): WatchInstanceView => {
    const watch = watchCapability(r.kind);
    const cursor = cursors.get(r.id);
    return {
      instanceId: r.id, name: r.name, kind: r.kind,
      recentPosts: watch?.recentPosts ?? false, hashtagLookup: watch?.hashtagLookup ?? false,
      keywordLookup: watch?.keywordLookup ?? false, webhook: watch?.webhook ?? false,
      note: watch?.note ?? `Nothing can be watched on ${r.kind} yet.`,
      lastScanAt: cursor?.lastScanAt?.toISOString() ?? null,
      lastError: cursor?.lastError ?? null,
    };
  });
  return { terms, instances };
}

/** The kind's watch capability; undefined for a kind without one (or one this build does not know). */
export function watchCapability(kind: string) {
  try {
    return capabilitiesFor(kind as ServerKind).watch;
  } catch {
    return undefined;
  }
}
