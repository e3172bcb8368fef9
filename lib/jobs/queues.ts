import type PgBoss from 'pg-boss';

/** Queue names are dotted `entity.verb`, like audit events. */
export const Q = {
  instanceSync: 'instance.sync',
  mediaFetch: 'media.fetch',
  actionPerform: 'action.perform',
  tick: 'scheduler.tick',
  bankRematch: 'bank.rematch',
  caseFindCopies: 'case.find-copies',
  purgeRun: 'purge.run',
  evidenceExpire: 'evidence.expire',
  filingRun: 'filing.run',
  blocklistFetch: 'blocklist.fetch',
  blocksSync: 'instance.blocks-sync',
  watchScan: 'watch.scan',
  outsideCheck: 'matcher.check',
  notifyDeliver: 'notify.deliver',
} as const;

export const QUEUES: { name: string; options: Omit<PgBoss.Queue, 'name'> }[] = [
  // 'short': at most one QUEUED sync per instance (singletonKey = instance id). Not 'stately': with one sync active
  // and another queued, stately's fetch returns nothing for the whole queue. One RUNNING sync per instance is the
  // instance row's lease (lib/sync/claim-sync.ts); a sync that finds it taken fails 'conflict' and is retried.
  { name: Q.instanceSync, options: { policy: 'short', retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 900 } },
  // Outbox wake-ups: 'short' = at most one QUEUED job per row (a unique index on created jobs), while a job of a
  // dead worker that pg-boss still counts as active never blocks the next one. ('stately' would: its fetch
  // refuses to start a second active job per key and stalls the whole queue until the first expires.)
  // No pg-boss retries: attempts, backoff and the cap live on the row (perform-action.ts, ingest-media.ts).
  { name: Q.mediaFetch, options: { policy: 'short', retryLimit: 0, expireInSeconds: 900 } },
  { name: Q.actionPerform, options: { policy: 'short', retryLimit: 0, expireInSeconds: 900 } },
  { name: Q.bankRematch, options: { policy: 'standard', retryLimit: 2, retryDelay: 30, retryBackoff: true, expireInSeconds: 3600 } },
  // One queued search per case ('short'); the lookup rows carry the leases, so no pg-boss retries.
  { name: Q.caseFindCopies, options: { policy: 'short', retryLimit: 0, expireInSeconds: 900 } },
  // One queued driver per purge run; the run row's lease says who drives it, the steps and checks are rows.
  { name: Q.purgeRun, options: { policy: 'short', retryLimit: 0, expireInSeconds: 1800 } },
  // One queued driver per CyberTipline filing; the Filing row's lease and step marks make it exactly once.
  { name: Q.filingRun, options: { policy: 'short', retryLimit: 0, expireInSeconds: 1800 } },
  // One queued fetch per source; the source row's lease keeps two workers off one list, failures wait for the next tick.
  { name: Q.blocklistFetch, options: { policy: 'short', retryLimit: 0, expireInSeconds: 600 } },
  // One queued read of an instance's domain blocks; a failed read is recorded on the instance and tried next tick.
  { name: Q.blocksSync, options: { policy: 'short', retryLimit: 0, expireInSeconds: 600 } },
  // Issue 14. One queued watch scan per instance; the WatchCursor rows say where each feed got to.
  { name: Q.watchScan, options: { policy: 'short', retryLimit: 0, expireInSeconds: 600 } },
  // One queued outside check per media; attempts, backoff and the circuit breaker live on the rows.
  { name: Q.outsideCheck, options: { policy: 'short', retryLimit: 0, expireInSeconds: 300 } },
  // One queued delivery per notification row; its lease and attempts live on the row.
  { name: Q.notifyDeliver, options: { policy: 'short', retryLimit: 0, expireInSeconds: 300 } },
  { name: Q.evidenceExpire, options: { policy: 'singleton', retryLimit: 1, expireInSeconds: 3600 } },
  { name: Q.tick, options: { policy: 'singleton', retryLimit: 0, expireInSeconds: 120 } },
];
