/**
 * The circuit breaker's rules (pure). Five failures in a row open it for one minute, each further failure doubles
 * the pause up to 30 minutes; once the pause is over, one call (the probe) decides: success closes it, failure
 * opens it again for twice as long.
 */
export const OPEN_AFTER = 5;
const BASE_OPEN_MS = 60_000;
const MAX_OPEN_MS = 30 * 60_000;

export type CircuitState = 'closed' | 'open' | 'half_open';

export function circuitState(row: { failures: number; openUntil: Date | null }, now: Date): CircuitState {
  if (row.failures < OPEN_AFTER) return 'closed';
  return row.openUntil && row.openUntil > now ? 'open' : 'half_open';
}

/** How long the circuit stays open after the `failures`-th consecutive failure (>= OPEN_AFTER). */
export function openForMs(failures: number): number {
  const extra = Math.max(0, failures - OPEN_AFTER);
  return Math.min(MAX_OPEN_MS, BASE_OPEN_MS * 2 ** Math.min(extra, 10));
}

/** Retry pause of one check after its `attempts`-th failure: 30 s doubling, at most an hour. */
export function checkBackoffMs(attempts: number): number {
  return Math.min(60 * 60_000, 30_000 * 2 ** Math.min(Math.max(0, attempts - 1), 10));
}

export const MAX_CHECK_ATTEMPTS = 10;
