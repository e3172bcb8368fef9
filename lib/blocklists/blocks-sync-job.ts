/** The instance.blocks-sync job: its payload, and which instances the scheduler tick re-reads. */
import { z } from 'zod';
import { db } from '@/lib/db';
import { capabilitiesFor } from '@/lib/connectors/registry';

export const blocksSyncJobData = z.object({ instanceId: z.uuid() });

/** Previews diff against the mirror: it should never be much older than this. */
export const BLOCKS_SYNC_EVERY_MS = 15 * 60_000;

export async function dueBlocksSyncs(now: Date): Promise<string[]> {
  const before = new Date(now.getTime() - BLOCKS_SYNC_EVERY_MS);
  const rows = await db.instance.findMany({
    where: { status: { not: 'disabled' }, OR: [{ domainBlocksSyncedAt: null }, { domainBlocksSyncedAt: { lt: before } }] },
    select: { id: true, kind: true },
  });
  return rows.filter((r) => capabilitiesFor(r.kind).blocklist).map((r) => r.id);
}
