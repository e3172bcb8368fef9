/**
 * Every call to an outside matcher goes through here: the circuit breaker on the OutsideMatcher row (circuit.ts;
 * while open nobody calls; after the pause exactly one caller, the probe, claims the row and decides), the
 * per-matcher rate limit counted across workers (the RateLimit table), and the timeout (the adapter's RemoteHttp).
 * Being rate limited, by us or by the service's 429, is a wait, never a failure.
 */
import type { Actor } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { hit } from '@/lib/auth/rate-limit';
import { clean } from '@/lib/connectors/shared/remote-text';
import { db } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { OPEN_AFTER, circuitState, openForMs } from './circuit';

export type GuardOutcome<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'open'; until: Date }
  | { kind: 'limited'; retryAt: Date }
  | { kind: 'failed'; error: string };

const SYSTEM: Actor = { type: 'system', label: 'matchers' };
/** The probe's claim lasts its timeout plus a margin; a probe that died leaves the row half-open again after it. */
const PROBE_MARGIN_MS = 2_000;

export async function guarded<T>(matcherId: string, call: () => Promise<T>, now = new Date()): Promise<GuardOutcome<T>> {
  const row = await db.outsideMatcher.findUnique({ where: { id: matcherId }, select: { failures: true, openUntil: true, perMinute: true, timeoutMs: true } });
  if (!row) return { kind: 'failed', error: 'The matcher was removed.' };
  const state = circuitState(row, now);
  if (state === 'open') return { kind: 'open', until: row.openUntil! };
  const limit = await hit(`matcher:${matcherId}`, 60, Math.max(1, row.perMinute), now);
  if (!limit.allowed) return { kind: 'limited', retryAt: new Date(now.getTime() + limit.retryAfterSeconds * 1000) };
  const probe = state === 'half_open';
  if (probe) {
    const lease = new Date(now.getTime() + row.timeoutMs + PROBE_MARGIN_MS);
    const claimed = await db.outsideMatcher.updateMany({ where: { id: matcherId, failures: { gte: OPEN_AFTER }, openUntil: row.openUntil }, data: { openUntil: lease } });
    if (claimed.count !== 1) return { kind: 'open', until: lease };
  }
  try {
    const value = await call();
    await db.outsideMatcher.update({ where: { id: matcherId }, data: { failures: 0, openUntil: null, lastError: null, lastOkAt: new Date() } });
    return { kind: 'ok', value };
  } catch (e) {
    if (isAppError(e) && e.code === 'rate_limited') {
      const at = typeof e.details?.retryAt === 'string' ? new Date(e.details.retryAt) : null;
      return { kind: 'limited', retryAt: at && at > now ? at : new Date(Date.now() + 60_000) };
    }
    const error = describeFailure(e);
    await recordFailure(matcherId, error, probe);
    return { kind: 'failed', error };
  }
}

/** The internal message (RemoteHttp has already redacted the key from it), cleaned and short. */
export function describeFailure(e: unknown): string {
  return isAppError(e) ? clean(e.message).slice(0, 300) : 'Unexpected error while calling the matcher.';
}

/**
 * One more consecutive failure, under the row lock so concurrent failures count once each and open the circuit
 * once: a failure opens it when it is not open already (closed reaching the threshold, or the probe failing).
 */
async function recordFailure(matcherId: string, error: string, probe: boolean): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "OutsideMatcher" WHERE "id" = ${matcherId}::uuid FOR UPDATE`;
    const row = await tx.outsideMatcher.findUnique({ where: { id: matcherId }, select: { name: true, failures: true, openUntil: true } });
    if (!row) return;
    const now = new Date();
    const failures = row.failures + 1;
    const alreadyOpen = !probe && row.failures >= OPEN_AFTER && row.openUntil !== null && row.openUntil > now;
    const opens = failures >= OPEN_AFTER && !alreadyOpen;
    const openUntil = opens ? new Date(now.getTime() + openForMs(failures)) : row.openUntil;
    await tx.outsideMatcher.update({ where: { id: matcherId }, data: { failures, openUntil, lastError: error } });
    if (opens) {
      await recordEvent(tx, {
        actor: SYSTEM, action: 'matcher.circuit_opened', targetType: 'outside_matcher', targetId: matcherId,
        details: { name: row.name, failures, openUntil: openUntil!.toISOString(), error },
      });
    }
  });
}
