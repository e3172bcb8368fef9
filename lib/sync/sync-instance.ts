/**
 * One sync of one instance: every open report (following pagination to the end, one transaction per page), then
 * the reports we hold as open that the server no longer lists (resolved elsewhere), fetched one by one. Nothing one
 * item carries stops the sync: a malformed or unwritable item, or a stored report the server cannot return, is
 * recorded as a SyncIssue and the rest land. Rate limits and backoff live in the connector; an error that concerns
 * the whole instance (unreachable, unauthorized, rate limited) marks the instance and is rethrown so the job retries.
 */
import { db } from '@/lib/db';
import { AppError, isAppError } from '@/lib/errors';
import { connectorFor } from '@/lib/instances/connector-for';
import { startHeartbeat } from '@/lib/jobs/heartbeat';
import { logger } from '@/lib/log/logger';
import { claimSync, extendSync, releaseSync, SYNC_LEASE_MS } from './claim-sync';
import { describeError } from './describe-error';
import { enqueueNewMedia } from './enqueue-new-media';
import { recordSkipped } from './record-skipped';
import { upsertReport } from './upsert-report';
import { writeReportPage } from './write-report-page';

const log = logger('sync');
const MAX_PAGES = 500;
/** Errors about the instance as a whole, not about one report: the sync stops and the job retries. */
const INSTANCE_WIDE = new Set(['unauthorized', 'forbidden', 'rate_limited', 'remote_unreachable', 'ssrf_blocked']);

export interface SyncSummary {
  seen: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  refreshed: number;
  newMedia: number;
}

export async function syncInstance(instanceId: string): Promise<SyncSummary> {
  const instance = await db.instance.findUnique({ where: { id: instanceId } });
  if (!instance) throw new AppError('not_found', `instance ${instanceId} not found`);
  const lease = await claimSync(instanceId);
  // Another sync of this instance is running: this one is retried later by the job queue, not run beside it.
  if (!lease) throw new AppError('conflict', `sync of ${instanceId} already running`, { userMessage: 'A sync of this instance is already running.' });
  const stopHeartbeat = startHeartbeat(SYNC_LEASE_MS, () => extendSync(instanceId, lease));
  const summary: SyncSummary = { seen: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, refreshed: 0, newMedia: 0 };
  const newMedia: string[] = [];
  try {
    const connector = await connectorFor(instance);
    const seenOpen = new Set<string>();
    const list = (cursor: string | null) => connector.listReports({ resolved: false, cursor, limit: 200 });
    let pending = list(null);
    for (let page = 0; page < MAX_PAGES; page++) {
      const result = await pending;
      // The next page is fetched while this one is written: the server's time and ours overlap.
      if (result.next && page + 1 < MAX_PAGES) {
        pending = list(result.next);
        pending.catch(() => {}); // awaited on the next turn; this only keeps an early failure from being "unhandled"
      }
      const written = await writeReportPage(instanceId, result.items);
      const skipped = [...result.skipped, ...written.skipped];
      await recordSkipped(instanceId, skipped);
      summary.skipped += skipped.length;
      for (const id of written.seen) seenOpen.add(id);
      for (const id of result.skipped.flatMap((s) => (s.remoteId ? [s.remoteId] : []))) seenOpen.add(id);
      for (const out of written.outcomes) {
        count(summary, out);
        newMedia.push(...out.newMediaIds);
      }
      if (!result.next) break;
    }
    await refreshStale(instanceId, connector, seenOpen, summary, newMedia);
    await db.instance.update({ where: { id: instanceId }, data: { status: 'ok', lastSyncAt: new Date(), lastError: null } });
  } catch (e) {
    const message = isAppError(e) ? e.userMessage + (e.details?.remoteError ? ` (${String(e.details.remoteError)})` : '') : 'Sync failed unexpectedly.';
    log.error('sync failed', { instanceId, error: describeError(e) });
    await db.instance.update({ where: { id: instanceId }, data: { status: 'error', lastError: message.slice(0, 500), lastErrorAt: new Date() } });
    throw e;
  } finally {
    stopHeartbeat();
    await releaseSync(instanceId, lease).catch((e) => log.error('sync lease release failed', { instanceId, error: describeError(e) }));
    await enqueueNewMedia(newMedia);
  }
  summary.newMedia = newMedia.length;
  log.info('sync done', { instanceId, ...summary });
  return summary;
}

/**
 * Reports we hold as open that the open list no longer shows: read one by one. Gone on the server (not_found)
 * leaves the queue; a report the server answers but we cannot read or write is recorded and skipped, so one
 * stored report can never fail every later sync.
 */
async function refreshStale(
  instanceId: string, connector: Awaited<ReturnType<typeof connectorFor>>, seenOpen: Set<string>, summary: SyncSummary, newMedia: string[],
): Promise<void> {
  // Watch items (kind 'watch') have no report on the server to read back: they stay until a moderator closes them.
  const stale = await db.report.findMany({ where: { instanceId, status: 'open', kind: 'report' }, select: { id: true, remoteId: true } });
  for (const r of stale) {
    if (seenOpen.has(r.remoteId)) continue;
    try {
      const out = await upsertReport(instanceId, await connector.getReport(r.remoteId));
      count(summary, out);
      summary.refreshed++;
      newMedia.push(...out.newMediaIds);
    } catch (e) {
      if (isAppError(e) && e.code === 'not_found') {
        // Deleted on the server (e.g. with its account): it can no longer be acted on, so it leaves the queue.
        await db.report.update({ where: { id: r.id }, data: { status: 'resolved', resolvedAt: new Date() } });
        summary.refreshed++;
      } else if (isAppError(e) && INSTANCE_WIDE.has(e.code)) {
        throw e;
      } else {
        summary.skipped++;
        await recordSkipped(instanceId, [{ remoteId: r.remoteId, error: `refresh failed: ${describeError(e)}`, raw: null }]);
      }
    }
  }
}

function count(s: SyncSummary, out: { changed: boolean; created: boolean }) {
  s.seen++;
  if (!out.changed) s.unchanged++;
  else if (out.created) s.created++;
  else s.updated++;
}
