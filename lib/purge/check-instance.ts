/**
 * One receipt round for one instance of a purge run: claim the round, look at every targeted copy as the public
 * would (media URL, post URL) and ask the server's own lookup again, then write a receipt per copy (write-receipts.ts).
 * An instance the run holds no copy on but could not check gets one instance-level "cannot verify" receipt, so
 * nobody reads silence as "removed". Checks only read: running a round again is always safe.
 */
import { db } from '@/lib/db';
import type { Connector } from '@/lib/connectors/types';
import { connectorFor as defaultConnectorFor, type InstanceLike } from '@/lib/instances/connector-for';
import { lookupLimiter } from '@/lib/cases/instance-limiter';
import { loadCopyQuery } from '@/lib/cases/load-copy-query';
import { cannotLookUp, outcomeOfError } from '@/lib/cases/lookup-outcome';
import { startHeartbeat } from '@/lib/jobs/heartbeat';
import { logger } from '@/lib/log/logger';
import { checkCopy, type InstanceLookup } from './check-copy';
import { claimCheck, extendCheckLease } from './claim-check';
import { fetchPublic as defaultFetchPublic, type FetchPublicFn } from './fetch-public';
import { knownHashes } from './known-hashes';
import { receiptVerdict } from './receipt-verdict';
import { roundTargets } from './round-targets';
import { writeReceipts, type NewReceipt } from './write-receipts';

const log = logger('purge');
const COPIES_AT_ONCE = 4;

export interface CheckInstanceOptions {
  now?: Date;
  connectorFor?: (instance: InstanceLike) => Promise<Connector>;
  fetchPublic?: FetchPublicFn;
  leaseMs?: number;
}

/** null: the round was not ours (not due, taken by another worker, already written, or gone). */
export async function checkInstance(checkId: string, opts: CheckInstanceOptions = {}): Promise<{ receipts: number; recheckAt: Date | null } | null> {
  const now = opts.now ?? new Date();
  const began = Date.now();
  const leaseMs = opts.leaseMs ?? 60_000;
  const claim = await claimCheck(checkId, now, leaseMs);
  if (!claim) return null;
  const stop = startHeartbeat(leaseMs, () => extendCheckLease(checkId, claim, leaseMs));
  try {
    const check = await db.purgeCheck.findUnique({ where: { id: checkId } });
    if (!check) return null;
    const receipts = await roundReceipts(check, opts);
    // When the checks were done, on the caller's clock (a driver that injects its clock keeps its own timeline).
    const checkedAt = new Date(now.getTime() + (Date.now() - began));
    return await writeReceipts({ checkId, runId: check.runId, caseId: check.caseId, instanceId: check.instanceId, round: check.round }, claim, receipts, checkedAt);
  } finally {
    stop();
  }
}

async function roundReceipts(check: { runId: string; caseId: string; instanceId: string }, opts: CheckInstanceOptions): Promise<NewReceipt[]> {
  const instance = await db.instance.findUnique({ where: { id: check.instanceId } });
  const targets = await roundTargets(check.runId, check.instanceId);
  // A copy accepted as is keeps the moderator's word; re-checks do not overwrite it.
  const copies = await db.caseCopy.findMany({
    where: { id: { in: targets.copyIds }, caseId: check.caseId, OR: [{ receiptVerdict: null }, { receiptVerdict: { not: 'accepted' } }] },
    select: { id: true, copyKey: true, remotePostId: true, remoteMediaId: true, mediaUrl: true, postUrl: true, media: { select: { sha256: true } } },
  });
  if (!instance || copies.length === 0) {
    if (!instance) return [instanceLevel('The instance is no longer connected, so nothing could be checked.')];
    if (targets.uncheckedReason === null) return [];
    const lookup = await db.caseLookup.findUnique({ where: { caseId_instanceId: { caseId: check.caseId, instanceId: check.instanceId } }, select: { detail: true } });
    return [instanceLevel(targets.uncheckedReason || lookup?.detail || 'This instance could not be checked for copies.')];
  }
  // The lookup runs while the public URLs are fetched: one instance's round takes as long as its slowest answer.
  const lookup = runLookup(instance, check.caseId, opts.connectorFor ?? defaultConnectorFor);
  const known = await knownHashes(check.caseId, copies.map((c) => ({ id: c.id, mediaSha256: c.media?.sha256 ?? null })));
  const fetchPublic = opts.fetchPublic ?? defaultFetchPublic;
  const out: NewReceipt[] = [];
  // A few copies at a time: an instance holding many copies is not hit with every fetch at once.
  for (let i = 0; i < copies.length; i += COPIES_AT_ONCE) {
    out.push(...await Promise.all(copies.slice(i, i + COPIES_AT_ONCE).map(async (copy) => {
      const hashes = known.get(copy.id) ?? [];
      const checks = await checkCopy(copy, instance, lookup, hashes, fetchPublic);
      return { copyId: copy.id, checks, ...receiptVerdict({ checks, knownSha256: hashes }) };
    })));
  }
  return out;
}

function instanceLevel(reason: string): NewReceipt {
  return { copyId: null, checks: [], verdict: 'cannot_verify', reason, httpStatus: null, servedSha256: null };
}

/** The copy lookup once for the instance, under the same per-instance limit as the case's copy searches. */
async function runLookup(instance: InstanceLike, caseId: string, getConnector: (i: InstanceLike) => Promise<Connector>): Promise<InstanceLookup> {
  try {
    const connector = await getConnector(instance);
    const find = connector.findCopies?.bind(connector);
    if (!find) return { status: 'not_checked', detail: cannotLookUp(instance.kind, connector.capabilities.findCopies?.note).detail };
    const query = await loadCopyQuery(caseId);
    const result = await lookupLimiter.run(instance.id, () => find(query));
    if (result.status === 'cannot_check') return { status: 'not_checked', detail: result.reason };
    return { status: 'checked', result };
  } catch (e) {
    log.warn('receipt lookup failed', { instanceId: instance.id, error: e instanceof Error ? e.message : String(e) });
    return { status: 'error', detail: outcomeOfError(e).detail };
  }
}
