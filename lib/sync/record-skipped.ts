import { db } from '@/lib/db';
import type { SkippedItem } from '@/lib/connectors/types';
import { logger } from '@/lib/log/logger';

const log = logger('sync');

/**
 * A malformed remote item is logged and kept with its parse error (trimmed), never silently dropped. The same
 * item failing the same way on every sync (every 5 minutes) is recorded once, so the list stays readable.
 */
export async function recordSkipped(instanceId: string, items: SkippedItem[]): Promise<void> {
  for (const item of items) {
    const error = item.error.slice(0, 2000);
    if (item.remoteId && (await db.syncIssue.findFirst({ where: { instanceId, remoteId: item.remoteId, error }, select: { id: true } }))) continue;
    log.warn('skipped malformed item', { instanceId, remoteId: item.remoteId, error: item.error.slice(0, 300) });
    const raw = JSON.stringify(item.raw ?? null);
    await db.syncIssue.create({
      data: {
        instanceId,
        remoteId: item.remoteId,
        error,
        raw: raw.length <= 20_000 ? (JSON.parse(raw) as object) : { truncated: raw.slice(0, 20_000) },
      },
    });
  }
}
