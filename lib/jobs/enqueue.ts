import { getBoss } from './boss';
import { Q } from './queues';

/**
 * A sync somebody is waiting for (an instance just connected, "Sync now", a webhook, the re-read after an action)
 * goes ahead of the routine ones: pg-boss fetches by priority first. Without this, a newly connected instance waits
 * behind every due sync, including the slow failures of instances that are down.
 */
export async function enqueueInstanceSync(instanceId: string, reason: string): Promise<void> {
  const boss = await getBoss();
  await boss.send(Q.instanceSync, { instanceId, reason }, { singletonKey: instanceId, priority: reason === 'schedule' ? 0 : 10 });
}

/**
 * Outbox wake-ups (media fetches, actions): the row is the truth and its claim the lock, so a job only says
 * "look at this row". The queues' 'short' policy keeps at most one queued job per row (a second send is a no-op),
 * whatever the sweeper and the retries ask for. `at` delays the wake-up to the row's next attempt.
 */
export async function enqueueMediaFetch(mediaId: string, at?: Date): Promise<void> {
  const boss = await getBoss();
  await boss.send(Q.mediaFetch, { mediaId }, { singletonKey: mediaId, ...(at ? { startAfter: at } : {}) });
}

export async function enqueueAction(actionId: string, at?: Date): Promise<void> {
  const boss = await getBoss();
  await boss.send(Q.actionPerform, { actionId }, { singletonKey: actionId, ...(at ? { startAfter: at } : {}) });
}

/** A RematchRun row exists first (it carries the progress the bank page shows); the job only points at it. */
export async function enqueueRematch(runId: string): Promise<void> {
  const boss = await getBoss();
  await boss.send(Q.bankRematch, { runId }, { singletonKey: runId });
}

/** A copy search of one case: its CaseLookup rows are the truth, so one queued job per case is enough. */
export async function enqueueCopySearch(caseId: string): Promise<void> {
  const boss = await getBoss();
  await boss.send(Q.caseFindCopies, { caseId }, { singletonKey: caseId });
}

/** Drive one purge run (lib/purge/run-purge.ts); `at` delays it (a re-check that is not due yet). */
export async function enqueuePurgeRun(runId: string, at?: Date): Promise<void> {
  const boss = await getBoss();
  await boss.send(Q.purgeRun, { runId }, { singletonKey: runId, ...(at ? { startAfter: at } : {}) });
}

/** Drive one CyberTipline filing (lib/filing/run-filing.ts); `at` delays it (a backoff after a refusal). */
export async function enqueueFilingRun(filingId: string, at?: Date): Promise<void> {
  const boss = await getBoss();
  await boss.send(Q.filingRun, { filingId }, { singletonKey: filingId, ...(at ? { startAfter: at } : {}) });
}

/** Fetch one blocklist source now (lib/blocklists/sources/fetch-source.ts); one queued fetch per source. */
export async function enqueueBlocklistFetch(sourceId: string): Promise<void> {
  const boss = await getBoss();
  await boss.send(Q.blocklistFetch, { sourceId }, { singletonKey: sourceId });
}

/** Read one instance's domain blocks into the mirror (lib/blocklists/sync-instance-blocks.ts); one queued per instance. */
export async function enqueueBlocksSync(instanceId: string): Promise<void> {
  const boss = await getBoss();
  await boss.send(Q.blocksSync, { instanceId }, { singletonKey: instanceId });
}

/** The evidence expiry sweep (lib/evidence/expire-evidence.ts): one at a time. */
export async function enqueueEvidenceExpiry(): Promise<void> {
  const boss = await getBoss();
  await boss.send(Q.evidenceExpire, {}, { singletonKey: 'evidence.expire' });
}

/**
 * One statement for many outbox wake-ups (the dispatcher's); rows that already have a queued job are skipped.
 * `priority` puts them ahead of the queue (pg-boss fetches by priority first): used for a dead worker's rows.
 */
export async function enqueueOutboxBatch(queue: typeof Q.actionPerform | typeof Q.mediaFetch, ids: string[], priority = 0): Promise<void> {
  if (ids.length === 0) return;
  const boss = await getBoss();
  const field = queue === Q.actionPerform ? 'actionId' : 'mediaId';
  await boss.insert(ids.map((id) => ({ name: queue, data: { [field]: id }, singletonKey: id, priority })));
  // A row that already had a queued wake-up kept it (and its place at the back of the queue): move it forward.
  if (priority > 0) {
    await boss.getDb().executeSql(
      `UPDATE pgboss.job SET priority = $1 WHERE name = $2 AND state = 'created' AND priority < $1 AND singleton_key = ANY($3::text[])`,
      [priority, queue, ids],
    );
  }
}

/** Issue 14: one instance's watch scan (lib/watch/run-watch-scan.ts); one queued per instance. */
export async function enqueueWatchScan(instanceId: string): Promise<void> {
  const boss = await getBoss();
  await boss.send(Q.watchScan, { instanceId }, { singletonKey: instanceId });
}

/** Issue 14: one media item's outside-matcher checks (lib/matchers/run-outside-checks.ts); one queued per media. */
export async function enqueueOutsideCheck(mediaId: string, at?: Date): Promise<void> {
  const boss = await getBoss();
  await boss.send(Q.outsideCheck, { mediaId }, { singletonKey: mediaId, ...(at ? { startAfter: at } : {}) });
}

/** Issue 14: one notification delivery (lib/notify/deliver-notification.ts); one queued per row. */
export async function enqueueNotifyDelivery(deliveryId: string, at?: Date): Promise<void> {
  const boss = await getBoss();
  await boss.send(Q.notifyDeliver, { deliveryId }, { singletonKey: deliveryId, ...(at ? { startAfter: at } : {}) });
}
