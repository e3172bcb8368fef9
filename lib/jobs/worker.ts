/**
 * The worker: registers a handler per queue and the once-a-minute scheduler tick. Several worker processes
 * may run against one database; pg-boss hands each job to one of them.
 */
import type PgBoss from 'pg-boss';
import { performAction } from '@/lib/actions/perform-action';
import { ingestMedia } from '@/lib/media/ingest-media';
import { rematchJobData, runRematch } from '@/lib/matching/run-rematch';
import { startBankIndexFollower, syncBankIndex } from '@/lib/matching/sync-bank-index';
import { syncInstance } from '@/lib/sync/sync-instance';
import { logger } from '@/lib/log/logger';
import { getBoss } from './boss';
import { Q } from './queues';
import { runSchedulerTick } from './scheduler-tick';

const log = logger('worker');

type Job<T> = PgBoss.JobWithMetadata<T>;

function isFinal(job: Job<unknown>): boolean {
  return job.retryCount >= job.retryLimit;
}

export async function startWorker(): Promise<PgBoss> {
  const boss = await getBoss('worker');
  // The hash-bank index loads in the background so syncs and actions start at once; the first match waits for it.
  const started = Date.now();
  syncBankIndex()
    .then(({ index }) => log.info('bank index ready', { entries: index.size, ms: Date.now() - started }))
    .catch((e) => log.error('bank index load failed', { error: e instanceof Error ? e.message : String(e) }));
  startBankIndexFollower(5_000);
  await boss.work<{ instanceId: string }>(Q.instanceSync, { includeMetadata: true, batchSize: 1 }, async ([job]: Job<{ instanceId: string }>[]) => {
    await syncInstance(job.data.instanceId);
  });
  await boss.work<{ mediaId: string }>(Q.mediaFetch, { includeMetadata: true, batchSize: 1 }, async ([job]: Job<{ mediaId: string }>[]) => {
    await ingestMedia(job.data.mediaId, { finalAttempt: isFinal(job) });
  });
  await boss.work<{ actionId: string }>(Q.actionPerform, { includeMetadata: true, batchSize: 1 }, async ([job]: Job<{ actionId: string }>[]) => {
    await performAction(job.data.actionId, { finalAttempt: isFinal(job) });
  });
  await boss.work<{ runId: string }>(Q.bankRematch, { includeMetadata: true, batchSize: 1 }, async ([job]: Job<{ runId: string }>[]) => {
    await runRematch(rematchJobData.parse(job.data).runId);
  });
  await boss.work(Q.tick, async () => {
    await runSchedulerTick();
  });
  await boss.schedule(Q.tick, '* * * * *');
  // Run one tick at start so a restarted worker picks up due syncs and stranded rows at once.
  await runSchedulerTick().catch((e) => log.error('initial tick failed', { error: String(e) }));
  log.info('worker started');
  return boss;
}
