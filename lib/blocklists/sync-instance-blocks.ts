/**
 * Reads one instance's domain blocks from the server into the mirror (InstanceDomainBlock), so previews diff
 * against reality. A block we have no row for was made outside the app's lists: origin 'hand'. An existing row keeps
 * its origin (a list-made block stays list-made); a row whose domain the server no longer has is deleted.
 * A reconcile whose outcome was recorded while this read was in flight wins: its rows are newer than our listing.
 */
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { capabilitiesFor } from '@/lib/connectors/registry';
import type { RemoteDomainBlock } from '@/lib/connectors/types';
import { AppError } from '@/lib/errors';
import { connectorFor } from '@/lib/instances/connector-for';
import { failureText } from '@/lib/actions/is-retryable';

export interface BlocksSyncResult {
  count: number;
  added: number;
  removed: number;
}

export async function syncInstanceBlocks(instanceId: string): Promise<BlocksSyncResult> {
  const instance = await db.instance.findUnique({ where: { id: instanceId } });
  if (!instance) throw new AppError('not_found', 'instance not found');
  const caps = capabilitiesFor(instance.kind);
  if (!caps.blocklist) return { count: 0, added: 0, removed: 0 };
  const startedAt = new Date();
  let listed: RemoteDomainBlock[];
  try {
    const connector = await connectorFor(instance);
    if (!connector.listDomainBlocks) return { count: 0, added: 0, removed: 0 };
    listed = (await connector.listDomainBlocks()).blocks;
  } catch (e) {
    await db.instance.update({ where: { id: instanceId }, data: { domainBlocksError: failureText(e).slice(0, 1000) } });
    throw e;
  }
  const remote = new Map<string, RemoteDomainBlock>();
  for (const b of listed) remote.set(b.domain.toLowerCase(), b);
  return db.$transaction(async (tx) => {
    const rows = await tx.instanceDomainBlock.findMany({ where: { instanceId } });
    const mine = new Map(rows.map((r) => [r.domain, r]));
    // Domains a reconcile finished on after our read began: the outcome already put the mirror right.
    const settled = new Set((await tx.blocklistChange.findMany({ where: { instanceId, state: 'done', doneAt: { gte: startedAt } }, select: { domain: true } })).map((c) => c.domain));
    let added = 0;
    let removed = 0;
    for (const r of rows) {
      if (remote.has(r.domain) || settled.has(r.domain) || r.lastSeenAt >= startedAt) continue;
      await tx.instanceDomainBlock.delete({ where: { instanceId_domain: { instanceId, domain: r.domain } } });
      removed++;
    }
    const created: Prisma.InstanceDomainBlockCreateManyInput[] = [];
    const seen: string[] = [];
    for (const [domain, b] of remote) {
      if (settled.has(domain)) continue;
      const fields = { remoteId: b.remoteId, severity: b.severity, rejectMedia: b.rejectMedia, rejectReports: b.rejectReports, publicComment: b.publicComment, obfuscate: b.obfuscate };
      const row = mine.get(domain);
      if (!row) {
        created.push({ instanceId, domain, origin: 'hand', sourceIds: [], ...fields });
      } else if (row.lastSeenAt < startedAt) {
        // Thousands of unchanged blocks per instance every 15 minutes: write only what changed, touch the rest at once.
        const changed = (Object.keys(fields) as (keyof typeof fields)[]).some((k) => row[k] !== fields[k]);
        if (changed) await tx.instanceDomainBlock.update({ where: { instanceId_domain: { instanceId, domain } }, data: { ...fields, lastSeenAt: new Date() } });
        else seen.push(domain);
      }
    }
    if (created.length > 0) added = (await tx.instanceDomainBlock.createMany({ data: created, skipDuplicates: true })).count;
    if (seen.length > 0) await tx.instanceDomainBlock.updateMany({ where: { instanceId, domain: { in: seen } }, data: { lastSeenAt: new Date() } });
    await tx.instance.update({ where: { id: instanceId }, data: { domainBlocksSyncedAt: new Date(), domainBlocksError: null } });
    return { count: remote.size, added, removed };
  }, { timeout: 60_000 });
}
