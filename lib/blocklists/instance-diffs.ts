/**
 * The diff of every instance the actor may see against the merged list (shared by the preview and apply, so
 * apply recomputes exactly what the preview showed instead of trusting lines sent back by the browser).
 */
import { db } from '@/lib/db';
import type { Actor } from '@/lib/audit/actor';
import { visibleInstanceIds } from '@/lib/auth/policy';
import { capabilitiesFor } from '@/lib/connectors/registry';
import type { ServerKind } from '@/lib/connectors/types';
import { diffInstance } from './diff-instance';
import type { CurrentBlock, InstanceDiff, MergedBlock, Severity } from './types';

export type InstanceDiffRow = InstanceDiff & { blocksReadAt: string | null; blocksError: string | null };

const NO_BLOCKLISTS = 'This server kind cannot take blocklists.';

export function toCurrentBlock(r: { domain: string; severity: string; rejectMedia: boolean; rejectReports: boolean; publicComment: string | null; obfuscate: boolean; origin: 'list' | 'hand'; sourceIds: string[] }): CurrentBlock {
  return {
    domain: r.domain, severity: r.severity as Severity, rejectMedia: r.rejectMedia, rejectReports: r.rejectReports,
    publicComment: r.publicComment, obfuscate: r.obfuscate, origin: r.origin, sourceIds: r.sourceIds,
  };
}

export async function instanceDiffs(actor: Actor, desired: Map<string, MergedBlock>, instanceIds?: string[]): Promise<InstanceDiffRow[]> {
  const visible = visibleInstanceIds(actor);
  const ids = instanceIds && visible ? instanceIds.filter((id) => visible.includes(id)) : (instanceIds ?? visible);
  const instances = await db.instance.findMany({
    where: ids === null ? {} : { id: { in: ids } },
    select: { id: true, name: true, kind: true, domainBlocksSyncedAt: true, domainBlocksError: true },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
  const mirror = await db.instanceDomainBlock.findMany({ where: { instanceId: { in: instances.map((i) => i.id) } } });
  const byInstance = new Map<string, CurrentBlock[]>();
  for (const r of mirror) {
    const list = byInstance.get(r.instanceId) ?? [];
    list.push(toCurrentBlock(r));
    byInstance.set(r.instanceId, list);
  }
  return instances.map((i) => {
    const caps = capabilitiesFor(i.kind);
    const diff = diffInstance({
      instance: { id: i.id, name: i.name, kind: i.kind as ServerKind },
      capability: caps.blocklist,
      unsupportedNote: caps.notes?.['domain.blocks_reconcile'] ?? NO_BLOCKLISTS,
      current: byInstance.get(i.id) ?? [],
      desired,
    });
    return { ...diff, blocksReadAt: i.domainBlocksSyncedAt?.toISOString() ?? null, blocksError: i.domainBlocksError };
  });
}
