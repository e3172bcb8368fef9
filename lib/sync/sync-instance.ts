/**
 * One sync of one instance: every open report (following pagination to the end), then the reports we hold
 * as open that the server no longer lists (resolved elsewhere), fetched one by one. Rate limits and
 * backoff live in the connector; an error marks the instance and is rethrown so the job retries.
 */
import { db } from '@/lib/db';
import { AppError, isAppError } from '@/lib/errors';
import { connectorFor } from '@/lib/instances/connector-for';
import { enqueueMediaFetch } from '@/lib/jobs/enqueue';
import { logger } from '@/lib/log/logger';
import { recordSkipped } from './record-skipped';
import { upsertReport } from './upsert-report';

const log = logger('sync');
const MAX_PAGES = 500;

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
  await db.instance.update({ where: { id: instanceId }, data: { lastSyncStartedAt: new Date() } });
  const summary: SyncSummary = { seen: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, refreshed: 0, newMedia: 0 };
  const newMedia: string[] = [];
  try {
    const connector = await connectorFor(instance);
    const seenOpen = new Set<string>();
    let cursor: string | null = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const result = await connector.listReports({ resolved: false, cursor, limit: 200 });
      await recordSkipped(instanceId, result.skipped);
      summary.skipped += result.skipped.length;
      for (const remote of result.items) {
        seenOpen.add(remote.remoteId);
        const out = await upsertReport(instanceId, remote);
        count(summary, out);
        newMedia.push(...out.newMediaIds);
      }
      cursor = result.next;
      if (!cursor) break;
    }
    const stale = await db.report.findMany({ where: { instanceId, status: 'open', remoteId: { notIn: [...seenOpen] } }, select: { id: true, remoteId: true } });
    for (const r of stale) {
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
        } else throw e;
      }
    }
    await db.instance.update({ where: { id: instanceId }, data: { status: 'ok', lastSyncAt: new Date(), lastError: null } });
  } catch (e) {
    const message = isAppError(e) ? e.userMessage + (e.details?.remoteError ? ` (${String(e.details.remoteError)})` : '') : 'Sync failed unexpectedly.';
    log.error('sync failed', { instanceId, error: e instanceof Error ? e.message : String(e) });
    await db.instance.update({ where: { id: instanceId }, data: { status: 'error', lastError: message.slice(0, 500), lastErrorAt: new Date() } });
    throw e;
  } finally {
    for (const id of newMedia) await enqueueMediaFetch(id).catch((err) => log.error('media enqueue failed', { id, error: String(err) }));
  }
  summary.newMedia = newMedia.length;
  log.info('sync done', { instanceId, ...summary });
  return summary;
}

function count(s: SyncSummary, out: { changed: boolean; created: boolean }) {
  s.seen++;
  if (!out.changed) s.unchanged++;
  else if (out.created) s.created++;
  else s.updated++;
}
