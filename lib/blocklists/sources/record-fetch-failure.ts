/**
 * A fetch that failed (unreachable, refused by the address policy, non-2xx, nothing readable): a history row with
 * ok=false and the reason, the source's lastError, an audit event; the previous entries stay as they were.
 */
import { db } from '@/lib/db';
import type { Actor } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import type { BadLine, DetectedFormat } from '@/lib/blocklists/types';
import { emptyOutcome, KEEP_BAD_LINES, type FetchOutcome } from './fetch-outcome';

export interface FetchFailure {
  httpStatus: number | null;
  error: string;
  actor: Actor;
  format?: DetectedFormat | null;
  bad?: BadLine[];
}

export async function recordFetchFailure(sourceId: string, failure: FetchFailure, now = new Date()): Promise<FetchOutcome> {
  const bad = failure.bad ?? [];
  return db.$transaction(async (tx) => {
    const source = await tx.blocklistSource.findUniqueOrThrow({ where: { id: sourceId }, select: { url: true, refreshMinutes: true, name: true } });
    const entryCount = await tx.blocklistEntry.count({ where: { sourceId } });
    const row = await tx.blocklistFetch.create({
      data: {
        sourceId, at: now, ok: false, httpStatus: failure.httpStatus, error: failure.error, format: failure.format ?? null,
        entryCount, badLineCount: bad.length, badLines: bad.slice(0, KEEP_BAD_LINES) as object[],
      },
      select: { id: true },
    });
    await tx.blocklistSource.update({
      where: { id: sourceId },
      data: { lastFetchedAt: now, lastError: failure.error, nextFetchAt: source.url ? new Date(now.getTime() + source.refreshMinutes * 60_000) : null },
    });
    await recordEvent(tx, {
      actor: failure.actor, action: 'blocklist.source.fetched', targetType: 'blocklist_source', targetId: sourceId,
      details: { name: source.name, ok: false, httpStatus: failure.httpStatus, error: failure.error, entriesKept: entryCount },
    });
    return { ...emptyOutcome(sourceId), fetchId: row.id, httpStatus: failure.httpStatus, error: failure.error, entryCount, badLineCount: bad.length };
  });
}
