/**
 * One page of a sync: every item checked (cleanRemoteReport), unchanged reports found with one query by content
 * hash, and the changed ones written in one transaction. If that transaction fails, the page is written again item
 * by item, so one bad item (or a database error it causes) is recorded as skipped and the rest still land.
 */
import { db } from '@/lib/db';
import type { RemoteReport, SkippedItem } from '@/lib/connectors/types';
import { logger } from '@/lib/log/logger';
import { linkSyncedReportsSafely } from '@/lib/cases/link-synced-reports';
import { scoreSyncedReportsSafely } from '@/lib/holding/score-synced-reports';
import { cleanRemoteReport } from './clean-remote-report';
import { reportContentHash } from './content-hash';
import { describeError } from './describe-error';
import { upsertReport } from './upsert-report';
import { writeReportBatch, type BatchItem, type UpsertOutcome } from './write-report-batch';

const log = logger('sync');

export interface PageResult {
  outcomes: UpsertOutcome[];
  skipped: SkippedItem[];
  /** Remote ids of every item the page carried, written or not (they are on the server's open list). */
  seen: string[];
}

export async function writeReportPage(instanceId: string, items: RemoteReport[]): Promise<PageResult> {
  const skipped: SkippedItem[] = [];
  const seen: string[] = [];
  const byId = new Map<string, { remote: RemoteReport; contentHash: string }>();
  for (const item of items) {
    if (typeof item.remoteId === 'string') seen.push(item.remoteId);
    const cleaned = cleanRemoteReport(item);
    if (!cleaned.ok) {
      skipped.push({ remoteId: typeof item.remoteId === 'string' ? item.remoteId.slice(0, 400) : null, error: cleaned.error, raw: null });
      continue;
    }
    if (!byId.has(cleaned.report.remoteId)) byId.set(cleaned.report.remoteId, { remote: cleaned.report, contentHash: reportContentHash(cleaned.report) });
  }
  const existing = byId.size
    ? await db.report.findMany({ where: { instanceId, remoteId: { in: [...byId.keys()] } }, select: { id: true, remoteId: true, contentHash: true } })
    : [];
  const stored = new Map(existing.map((r) => [r.remoteId, r]));
  const outcomes: UpsertOutcome[] = [];
  const changed: BatchItem[] = [];
  for (const { remote, contentHash } of byId.values()) {
    const row = stored.get(remote.remoteId);
    if (row && row.contentHash === contentHash) outcomes.push({ reportId: row.id, changed: false, created: false, newMediaIds: [] });
    else changed.push({ remote, contentHash, existingId: row?.id ?? null });
  }
  if (changed.length === 0) return { outcomes, skipped, seen };
  try {
    outcomes.push(...(await db.$transaction((tx) => writeReportBatch(tx, instanceId, changed), { timeout: 120_000, maxWait: 30_000 })));
  } catch (e) {
    log.warn('page write failed, writing item by item', { instanceId, items: changed.length, error: describeError(e) });
    for (const item of changed) {
      try {
        outcomes.push(await upsertReport(instanceId, item.remote));
      } catch (err) {
        skipped.push({ remoteId: item.remote.remoteId, error: `write failed: ${describeError(err)}`, raw: null });
      }
    }
  }
  await linkSyncedReportsSafely(outcomes.filter((o) => o.changed && o.reportId).map((o) => o.reportId));
  await scoreSyncedReportsSafely(outcomes.filter((o) => o.changed && o.reportId).map((o) => o.reportId));
  return { outcomes, skipped, seen };
}
