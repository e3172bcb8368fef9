/**
 * The worker: registers a handler per queue and the once-a-minute scheduler tick. Several worker processes
 * may run against one database; pg-boss hands each job to one of them.
 */
import { runOutsideChecks } from '@/lib/matchers/run-outside-checks';
import { deliverNotification } from '@/lib/notify/deliver-notification';
import { runWatchScan } from '@/lib/watch/run-watch-scan';
import type PgBoss from 'pg-boss';
import { performAction } from '@/lib/actions/perform-action';
import { ingestMedia } from '@/lib/media/ingest-media';
import { rematchJobData, runRematch } from '@/lib/matching/run-rematch';
import { copySearchJobData, runCopySearch } from '@/lib/cases/run-copy-search';
import { purgeRunJobData, runPurge } from '@/lib/purge/run-purge';
import { filingRunJobData, runFiling } from '@/lib/filing/run-filing';
import { startBankIndexFollower, syncBankIndex } from '@/lib/matching/sync-bank-index';
import { syncInstance } from '@/lib/sync/sync-instance';
import { expireEvidence } from '@/lib/evidence/expire-evidence';
import { blocklistFetchJobData } from '@/lib/blocklists/sources/fetch-job';
import { fetchSource } from '@/lib/blocklists/sources/fetch-source';
import { blocksSyncJobData } from '@/lib/blocklists/blocks-sync-job';
import { syncInstanceBlocks } from '@/lib/blocklists/sync-instance-blocks';
import { logger } from '@/lib/log/logger';
import { getBoss } from './boss';
import { Q } from './queues';
import { runSchedulerTick } from './scheduler-tick';
import { dispatchOutbox } from './dispatch-outbox';
import { outboxSettings } from './outbox-settings';

const log = logger('worker');

type Job<T> = PgBoss.JobWithMetadata<T>;

/**
 * pg-boss 10 runs one fetch per worker loop and waits out the polling interval between fetches, so throughput
 * per queue is (workers × batch) per interval. One job per fetch keeps retries per job; several workers per
 * queue and a short interval give concurrency (media fetches are I/O-bound, actions are quick HTTP calls).
 */
const CONCURRENCY = { [Q.instanceSync]: 2, [Q.mediaFetch]: 4, [Q.actionPerform]: 3, [Q.bankRematch]: 1, [Q.caseFindCopies]: 2, [Q.purgeRun]: 4, [Q.evidenceExpire]: 1, [Q.filingRun]: 2, [Q.blocklistFetch]: 2, [Q.blocksSync]: 2, [Q.watchScan]: 2, [Q.outsideCheck]: 2, [Q.notifyDeliver]: 2 } as const;
const POLL = { includeMetadata: true as const, batchSize: 1, pollingIntervalSeconds: 0.5 };

async function workMany<T extends object>(boss: PgBoss, name: keyof typeof CONCURRENCY, handler: (job: Job<T>) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < CONCURRENCY[name]; i++) {
    await boss.work<T>(name, POLL, async ([job]: Job<T>[]) => {
      await handler(job);
    });
  }
}

export async function startWorker(): Promise<PgBoss> {
  const boss = await getBoss('worker');
  // The hash-bank index loads in the background so syncs and actions start at once; the first match waits for it.
  const started = Date.now();
  syncBankIndex()
    .then(({ index }) => log.info('bank index ready', { entries: index.size, ms: Date.now() - started }))
    .catch((e) => log.error('bank index load failed', { error: e instanceof Error ? e.message : String(e) }));
  startBankIndexFollower(5_000);
  await workMany<{ instanceId: string }>(boss, Q.instanceSync, (job) => syncInstance(job.data.instanceId));
  // Attempts and backoff of actions and media live on their rows, not in pg-boss retries.
  await workMany<{ mediaId: string }>(boss, Q.mediaFetch, (job) => ingestMedia(job.data.mediaId));
  await workMany<{ actionId: string }>(boss, Q.actionPerform, (job) => performAction(job.data.actionId));
  await workMany<{ runId: string }>(boss, Q.bankRematch, (job) => runRematch(rematchJobData.parse(job.data).runId));
  await workMany<{ caseId: string }>(boss, Q.caseFindCopies, (job) => runCopySearch(copySearchJobData.parse(job.data).caseId));
  await workMany<object>(boss, Q.evidenceExpire, () => expireEvidence());
  await workMany<{ runId: string }>(boss, Q.purgeRun, (job) => runPurge(purgeRunJobData.parse(job.data).runId));
  await workMany<{ filingId: string }>(boss, Q.filingRun, (job) => runFiling(filingRunJobData.parse(job.data).filingId));
  await workMany<{ sourceId: string }>(boss, Q.blocklistFetch, (job) => fetchSource(blocklistFetchJobData.parse(job.data).sourceId));
  await workMany<{ instanceId: string }>(boss, Q.blocksSync, (job) => syncInstanceBlocks(blocksSyncJobData.parse(job.data).instanceId));
  await workMany<{ instanceId: string }>(boss, Q.watchScan, (job) => runWatchScan(String(job.data.instanceId)));
  await workMany<{ mediaId: string }>(boss, Q.outsideCheck, (job) => runOutsideChecks(String(job.data.mediaId)));
  await workMany<{ deliveryId: string }>(boss, Q.notifyDeliver, (job) => deliverNotification(String(job.data.deliveryId)));
  await boss.work(Q.tick, async () => {
    await runSchedulerTick();
  });
  await boss.schedule(Q.tick, '* * * * *');
  // Run one tick at start so a restarted worker picks up due syncs and stranded rows at once.
  await runSchedulerTick().catch((e) => log.error('initial tick failed', { error: String(e) }));
  startOutboxPoll(outboxSettings().pollMs);
  log.info('worker started');
  return boss;
}

/**
 * Expired leases and due retries are found every few seconds, not at the once-a-minute tick: a dead worker's
 * action is picked up by another within lease + poll. One pass at a time; overlapping workers are harmless.
 */
function startOutboxPoll(everyMs: number): void {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    dispatchOutbox()
      .catch((e) => log.error('outbox poll failed', { error: e instanceof Error ? e.message : String(e) }))
      .finally(() => { busy = false; });
  }, everyMs);
  timer.unref();
}
