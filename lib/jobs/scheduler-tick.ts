/**
 * The safety net that runs every minute: polls instances that are due, and wakes outbox actions and media that
 * are due or orphaned (dispatch-outbox.ts; workers also run that every few seconds). It never adds a second
 * queued job for a row, so a row that keeps failing is still sent only as often as its own backoff allows.
 */
import { runAuditCheckpointTick } from '@/lib/audit/checkpoint-tick';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { dispatchOutbox } from './dispatch-outbox';
import { strandedLookupCases } from '@/lib/cases/claim-lookups';
import { runEvidenceExpiryTick } from '@/lib/evidence/expiry-tick';
import { strandedPurgeRuns } from '@/lib/purge/stranded-runs';
import { strandedFilings } from '@/lib/filing/stranded-filings';
import { dueSources } from '@/lib/blocklists/sources/due-sources';
import { dueBlocksSyncs } from '@/lib/blocklists/blocks-sync-job';
import { sweepHolds } from '@/lib/holding/sweep-holds';
import { dueOutsideChecks } from '@/lib/matchers/run-outside-checks';
import { dueDeliveries } from '@/lib/notify/deliver-notification';
import { dueWatchScans } from '@/lib/watch/run-watch-scan';
import {
  enqueueBlocklistFetch, enqueueBlocksSync, enqueueCopySearch, enqueueFilingRun, enqueueInstanceSync, enqueueNotifyDelivery, enqueueOutsideCheck,
  enqueuePurgeRun, enqueueRematch, enqueueWatchScan,
} from './enqueue';

export async function runSchedulerTick(now = new Date()): Promise<{ syncs: number; actions: number; media: number; rematches: number; lookups: number; purges: number; filings: number; blocklists: number; blocksSyncs: number }> {
  const dueBefore = new Date(now.getTime() - env().SYNC_INTERVAL_SECONDS * 1000);
  const instances = await db.instance.findMany({
    where: { syncEnabled: true, status: { not: 'disabled' }, OR: [{ lastSyncStartedAt: null }, { lastSyncStartedAt: { lt: dueBefore } }] },
    select: { id: true },
  });
  for (const i of instances) await enqueueInstanceSync(i.id, 'schedule');
  const outbox = await dispatchOutbox(now);
  const stranded = new Date(now.getTime() - 60_000);
  const runs = await db.rematchRun.findMany({ where: { status: 'queued', createdAt: { lt: stranded } }, select: { id: true }, take: 50 });
  for (const r of runs) await enqueueRematch(r.id);
  // Copy lookups whose job was lost or whose worker died (lease ran out) are run again.
  const lookups = await strandedLookupCases(now);
  for (const caseId of lookups) await enqueueCopySearch(caseId);
  // Purge runs whose driver died or whose job was lost, with a step or a receipt round to do now.
  const purges = await strandedPurgeRuns(now);
  for (const runId of purges) await enqueuePurgeRun(runId);
  // CyberTipline filings whose driver died or whose job was lost (a filing waiting for a person stays put).
  const filings = await strandedFilings(now);
  for (const filingId of filings) await enqueueFilingRun(filingId);
  // Blocklist sources whose refresh time has come (or that were never fetched).
  const lists = await dueSources(now);
  for (const sourceId of lists) await enqueueBlocklistFetch(sourceId);
  // Instances whose domain blocks were not read for a while, so previews diff against what the servers have.
  const blockReads = await dueBlocksSyncs(now);
  for (const instanceId of blockReads) await enqueueBlocksSync(instanceId);
  // Issue 14: watch scans that are due, outside-matcher checks to (re)try, notifications to send, holds to settle.
  const watchScans = await dueWatchScans(now).catch(() => [] as string[]);
  for (const instanceId of watchScans) await enqueueWatchScan(instanceId);
  const outside = await dueOutsideChecks(now).catch(() => [] as string[]);
  for (const mediaId of outside) await enqueueOutsideCheck(mediaId);
  const notifications = await dueDeliveries(now).catch(() => [] as string[]);
  for (const deliveryId of notifications) await enqueueNotifyDelivery(deliveryId);
  await sweepHolds(now).catch((e: unknown) => console.error(`[holding] sweep: ${e instanceof Error ? e.message : String(e)}`));
  await runEvidenceExpiryTick(now).catch((e: unknown) => console.error(`[evidence] expiry tick: ${e instanceof Error ? e.message : String(e)}`));
  await runAuditCheckpointTick(now).catch((e: unknown) => console.error(`[audit] checkpoint: ${e instanceof Error ? e.message : String(e)}`));
  return { syncs: instances.length, actions: outbox.actions, media: outbox.media, rematches: runs.length, lookups: lookups.length, purges: purges.length, filings: filings.length, blocklists: lists.length, blocksSyncs: blockReads.length };
}
