/**
 * Where a domain is blocked: the instance's block list as last read from the server (InstanceDomainBlock, so a
 * block made in the server's own admin or by a blocklist counts), unless a domain.block this app sent finished
 * after that read: then the newer fact wins until the next read. Exact domain only: whether a parent's block covers
 * subdomains differs by kind (Lemmy's does not). A `noop` severity is Mastodon's "reject media/reports only": not a block.
 */
import { db } from '@/lib/db';

export interface DomainBlock {
  severity: 'silence' | 'suspend';
  at: Date;
}

function asBlock(severity: unknown): 'silence' | 'suspend' | null {
  return severity === 'silence' || severity === 'suspend' ? severity : null;
}

export async function domainBlocks(domain: string, instanceIds: string[] | null): Promise<Map<string, DomainBlock>> {
  const name = domain.toLowerCase();
  const scope = instanceIds === null ? {} : { instanceId: { in: instanceIds } };
  const [mirror, synced, actions] = await Promise.all([
    db.instanceDomainBlock.findMany({ where: { domain: name, ...scope }, select: { instanceId: true, severity: true, lastSeenAt: true } }),
    db.instance.findMany({ where: instanceIds === null ? {} : { id: { in: instanceIds } }, select: { id: true, domainBlocksSyncedAt: true } }),
    db.action.findMany({
      where: { kind: 'domain.block', status: 'done', payload: { path: ['domain'], equals: name }, ...scope },
      select: { instanceId: true, payload: true, finishedAt: true, createdAt: true },
      orderBy: [{ finishedAt: 'desc' }, { createdAt: 'desc' }],
    }),
  ]);
  const readAt = new Map(synced.map((i) => [i.id, i.domainBlocksSyncedAt]));
  const out = new Map<string, DomainBlock>();
  for (const r of mirror) {
    const severity = asBlock(r.severity);
    if (!severity) continue;
    out.set(r.instanceId, { severity, at: r.lastSeenAt });
  }
  const seen = new Set<string>();
  for (const a of actions) {
    if (seen.has(a.instanceId)) continue; // the latest decides
    seen.add(a.instanceId);
    const at = a.finishedAt ?? a.createdAt;
    const read = readAt.get(a.instanceId);
    if (read && read >= at) continue; // the server was read after it: the mirror already says
    const severity = asBlock((a.payload as { severity?: unknown } | null)?.severity);
    if (severity) out.set(a.instanceId, { severity, at });
  }
  return out;
}
