/**
 * Keeps a claim alive while slow work (a remote call, a media fetch) is in flight, so the lease can be short:
 * a live worker extends it every third of the lease, a killed one stops extending and its row frees up in seconds.
 */
import { logger } from '@/lib/log/logger';

const log = logger('outbox');

export function startHeartbeat(leaseMs: number, extend: () => Promise<boolean>): () => void {
  let stopped = false;
  let lost = false;
  const timer = setInterval(() => {
    extend()
      .then((held) => {
        // Another worker took the row over (this one stalled past its lease); it checks before re-sending.
        if (!held && !lost && !stopped) log.warn('lease lost while working');
        lost = lost || !held;
      })
      .catch((e) => log.warn('heartbeat failed', { error: e instanceof Error ? e.message : String(e) }));
  }, Math.max(50, Math.floor(leaseMs / 3)));
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
