/**
 * Where a domain is blocked, as far as this app knows: the latest confirmed domain.block we sent to each instance.
 * A block made in the server's own admin is invisible to us, so "not blocked" means "not blocked from here".
 * A `noop` severity is Mastodon's "reject media/reports only": not a block.
 */
import { db } from '@/lib/db';

export interface DomainBlock {
  severity: 'silence' | 'suspend';
  at: Date;
}

export async function domainBlocks(domain: string, instanceIds: string[] | null): Promise<Map<string, DomainBlock>> {
  const rows = await db.action.findMany({
    where: {
      kind: 'domain.block', status: 'done', payload: { path: ['domain'], equals: domain.toLowerCase() },
      ...(instanceIds === null ? {} : { instanceId: { in: instanceIds } }),
    },
    select: { instanceId: true, payload: true, finishedAt: true, createdAt: true },
    orderBy: [{ finishedAt: 'desc' }, { createdAt: 'desc' }],
  });
  const out = new Map<string, DomainBlock>();
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.instanceId)) continue; // the latest decides
    seen.add(r.instanceId);
    const severity = (r.payload as { severity?: unknown } | null)?.severity;
    if (severity === 'silence' || severity === 'suspend') out.set(r.instanceId, { severity, at: r.finishedAt ?? r.createdAt });
  }
  return out;
}
