/**
 * The knobs of the outbox (actions and media fetches), read once from env. Tests pass their own (short leases,
 * millisecond backoff) instead of waiting out production values.
 */
import { env } from '@/lib/env';

export interface OutboxSettings {
  /** How long a claim lives without a heartbeat: a dead worker's row is free again after this. */
  leaseMs: number;
  /** How often a worker looks for due rows and expired leases (the minute-long cron tick is too slow for that). */
  pollMs: number;
  actionMaxAttempts: number;
  mediaMaxAttempts: number;
  backoffBaseMs: number;
  backoffCapMs: number;
}

export function outboxSettings(overrides: Partial<OutboxSettings> = {}): OutboxSettings {
  const e = env();
  return {
    leaseMs: e.OUTBOX_LEASE_SECONDS * 1000,
    pollMs: e.OUTBOX_POLL_MS,
    actionMaxAttempts: e.ACTION_MAX_ATTEMPTS,
    mediaMaxAttempts: e.MEDIA_MAX_ATTEMPTS,
    backoffBaseMs: e.OUTBOX_BACKOFF_BASE_MS,
    backoffCapMs: e.OUTBOX_BACKOFF_CAP_MS,
    ...overrides,
  };
}

/** Pure: the wait before attempt `attempt + 1`, doubling from the base and never above the cap. */
export function outboxBackoffMs(attempt: number, s: Pick<OutboxSettings, 'backoffBaseMs' | 'backoffCapMs'>): number {
  return Math.min(s.backoffCapMs, s.backoffBaseMs * 2 ** Math.max(0, attempt - 1));
}
