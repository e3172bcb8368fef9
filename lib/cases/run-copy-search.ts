/**
 * The 'case.find-copies' job: claims the case's queued lookups (and those of a dead worker), then asks every
 * instance in parallel, a pool at a time, each instance under the per-instance limiter. One heartbeat keeps the
 * whole claim's leases alive; a row finishes (and leaves the heartbeat) as soon as its own instance answers, so
 * one slow server never holds the others' results back.
 */
import { z } from 'zod';
import type { Connector } from '@/lib/connectors/types';
import type { InstanceLike } from '@/lib/instances/connector-for';
import { startHeartbeat } from '@/lib/jobs/heartbeat';
import { claimLookups, extendLookupLeases } from './claim-lookups';
import type { InstanceLimiter } from './instance-limiter';
import { loadCopyQuery } from './load-copy-query';
import { lookupInstance } from './lookup-instance';

export const copySearchJobData = z.object({ caseId: z.uuid() });

export interface CopySearchOptions {
  /** Lookups in flight at once for this case (each instance still gets at most one). */
  concurrency?: number;
  leaseMs?: number;
  now?: Date;
  limiter?: InstanceLimiter;
  connectorFor?: (instance: InstanceLike) => Promise<Connector>;
}

export async function runCopySearch(caseId: string, opts: CopySearchOptions = {}): Promise<{ checked: number; found: number }> {
  const leaseMs = opts.leaseMs ?? 60_000;
  const claim = await claimLookups(caseId, opts.now ?? new Date(), leaseMs);
  if (claim.rows.length === 0) return { checked: 0, found: 0 };
  const pending = new Set(claim.rows.map((r) => r.id));
  // A row that finished between the snapshot and the update is not a lost lease; none held while some pend is.
  const stop = startHeartbeat(leaseMs, async () => (await extendLookupLeases([...pending], claim.startedAt, leaseMs)) > 0 || pending.size === 0);
  let checked = 0;
  let found = 0;
  try {
    // Built once: every instance gets the same question.
    const query = await loadCopyQuery(caseId);
    let next = 0;
    const worker = async () => {
      while (next < claim.rows.length) {
        const row = claim.rows[next++];
        const done = await lookupInstance(caseId, row.instanceId, { claim: claim.startedAt, query, leaseMs, limiter: opts.limiter, connectorFor: opts.connectorFor });
        pending.delete(row.id);
        if (!done) continue;
        checked++;
        found += done.found;
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 16, claim.rows.length)) }, worker));
  } finally {
    stop();
  }
  return { checked, found };
}
