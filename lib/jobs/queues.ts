import type PgBoss from 'pg-boss';

/** Queue names are dotted `entity.verb`, like audit events. */
export const Q = {
  instanceSync: 'instance.sync',
  mediaFetch: 'media.fetch',
  actionPerform: 'action.perform',
  tick: 'scheduler.tick',
  bankRematch: 'bank.rematch',
} as const;

export const QUEUES: { name: string; options: Omit<PgBoss.Queue, 'name'> }[] = [
  // 'stately': at most one queued and one running sync per instance (singletonKey = instance id).
  { name: Q.instanceSync, options: { policy: 'stately', retryLimit: 2, retryDelay: 30, retryBackoff: true, expireInSeconds: 900 } },
  { name: Q.mediaFetch, options: { policy: 'standard', retryLimit: 3, retryDelay: 20, retryBackoff: true, expireInSeconds: 300 } },
  { name: Q.actionPerform, options: { policy: 'stately', retryLimit: 5, retryDelay: 10, retryBackoff: true, expireInSeconds: 300 } },
  { name: Q.bankRematch, options: { policy: 'standard', retryLimit: 2, retryDelay: 30, retryBackoff: true, expireInSeconds: 3600 } },
  { name: Q.tick, options: { policy: 'singleton', retryLimit: 0, expireInSeconds: 120 } },
];
