/**
 * One instance's copy lookup: ask its connector (only lookups that read the server's own database; a kind
 * without `findCopies` is not asked at all), then write the copies, the case's counts, the lookup's outcome and
 * its audit event in ONE transaction, guarded by the claim, so a worker that lost its row writes nothing.
 * A lookup is a read: running it again is always safe (the copy upsert is idempotent).
 */
import { db, type Tx } from '@/lib/db';
import { recordEvent } from '@/lib/audit/record-event';
import type { Connector, CopyQuery } from '@/lib/connectors/types';
import { connectorFor, type InstanceLike } from '@/lib/instances/connector-for';
import { startHeartbeat } from '@/lib/jobs/heartbeat';
import { logger } from '@/lib/log/logger';
import { lockCaseRow } from './case-access';
import { claimLookups, extendLookupLeases } from './claim-lookups';
import { lookupLimiter, type InstanceLimiter } from './instance-limiter';
import { cannotLookUp, outcomeOfError, outcomeOfResult, type LookupOutcome } from './lookup-outcome';
import { loadCopyQuery } from './load-copy-query';
import { linkReports } from './link-reports';
import { recountCase } from './recount-case';
import { upsertCaseCopy } from './upsert-copy';

const log = logger('cases');
export const LOOKUP_ACTOR = { type: 'system' as const, label: 'cases.lookup' };

export interface LookupOptions {
  /** startedAt of the claim that holds the row (run-copy-search); absent: this call claims the row itself. */
  claim?: Date;
  query?: CopyQuery;
  limiter?: InstanceLimiter;
  /** Tests inject a stub connector; production uses the cached connector of the instance. */
  connectorFor?: (instance: InstanceLike) => Promise<Connector>;
  leaseMs?: number;
}

export type LookupDone = { status: LookupOutcome['status']; found: number } | null;

/** null: the row was not ours to finish (re-queued by "Search again", taken over, or the case is gone). */
export async function lookupInstance(caseId: string, instanceId: string, opts: LookupOptions = {}): Promise<LookupDone> {
  const leaseMs = opts.leaseMs ?? 60_000;
  let claim = opts.claim;
  let stop = () => {};
  if (!claim) {
    const c = await claimLookups(caseId, new Date(), leaseMs, instanceId);
    if (c.rows.length === 0) return null;
    claim = c.startedAt;
    const held = claim;
    const ids = c.rows.map((r) => r.id);
    stop = startHeartbeat(leaseMs, async () => (await extendLookupLeases(ids, held, leaseMs)) === 1);
  }
  try {
    const instance = await db.instance.findUnique({ where: { id: instanceId } });
    if (!instance) return null;
    const query = opts.query ?? (await loadCopyQuery(caseId));
    const outcome = await (opts.limiter ?? lookupLimiter).run(instanceId, () => ask(instance, query, opts.connectorFor ?? connectorFor));
    try {
      return await writeOutcome(caseId, instanceId, claim, outcome);
    } catch (e) {
      // The answer could not be stored (a bad copy row, a lost connection): say so on the row rather than leave it running.
      log.error('copy lookup write failed', { caseId, instanceId, error: e instanceof Error ? e.message : String(e) });
      // If even that fails, the row keeps its lease until it runs out and the scheduler runs the lookup again.
      return await writeOutcome(caseId, instanceId, claim, { status: 'error', detail: 'The answer could not be stored (see the server log).', copies: [] })
        .catch(() => null);
    }
  } finally {
    stop();
  }
}

async function ask(instance: InstanceLike, query: CopyQuery, getConnector: (i: InstanceLike) => Promise<Connector>): Promise<LookupOutcome> {
  try {
    const connector = await getConnector(instance);
    if (!connector.findCopies) return cannotLookUp(instance.kind, connector.capabilities.findCopies?.note);
    return outcomeOfResult(await connector.findCopies(query));
  } catch (e) {
    log.warn('copy lookup failed', { instanceId: instance.id, error: e instanceof Error ? e.message : String(e) });
    return outcomeOfError(e);
  }
}

async function writeOutcome(caseId: string, instanceId: string, claim: Date, outcome: LookupOutcome): Promise<LookupDone> {
  return db.$transaction(async (tx) => {
    // The Case row first, then the audit lock (taken by recordEvent), as every case verb does (case-access.ts,
    // attach-media.ts): the copy upsert audits before the recount updates the Case row, so without this two
    // lookups of one case deadlock (measured: 40P01 with 50 instances), each holding what the other waits for.
    if ((await lockCaseRow(tx, caseId)) === null) return null;
    const done = await tx.caseLookup.updateMany({
      where: { caseId, instanceId, status: 'running', startedAt: claim },
      data: { status: outcome.status, detail: outcome.detail, found: outcome.copies.length, finishedAt: new Date(), leaseUntil: null },
    });
    if (done.count === 0) return null;
    for (const c of outcome.copies) await writeCopy(tx, caseId, instanceId, c);
    if (outcome.copies.length > 0) await recountCase(tx, caseId);
    await recordEvent(tx, {
      actor: LOOKUP_ACTOR, action: 'case.lookup_finished', targetType: 'case', targetId: caseId, instanceId,
      details: { instanceId, status: outcome.status, found: outcome.copies.length },
    });
    return { status: outcome.status, found: outcome.copies.length };
  }, { timeout: 30_000, maxWait: 30_000 });
}

async function writeCopy(tx: Tx, caseId: string, instanceId: string, c: LookupOutcome['copies'][number]): Promise<void> {
  // The app may already hold this post (synced with a report): then the copy points at our media and its
  // reports join the case.
  const status = c.postId
    ? await tx.status.findUnique({ where: { instanceId_remoteId: { instanceId, remoteId: c.postId } }, select: { id: true, media: { select: { id: true, remoteId: true } } } })
    : null;
  const media = status
    ? (status.media.find((m) => m.remoteId === c.mediaId) ?? (status.media.length === 1 ? status.media[0] : null))
    : c.mediaId ? await tx.media.findUnique({ where: { instanceId_remoteId: { instanceId, remoteId: c.mediaId } }, select: { id: true } }) : null;
  await upsertCaseCopy(tx, {
    caseId, instanceId, copyKey: c.copyKey, foundBy: c.foundBy, foundVia: 'remote', mediaId: media?.id ?? null,
    remotePostId: c.postId, postUrl: c.postUrl, remoteMediaId: c.mediaId, mediaUrl: c.mediaUrl, originUri: c.postUri,
    originMediaUrl: c.originMediaUrl, accountAcct: c.account?.acct ?? null, remoteAccountId: c.account?.remoteId ?? null,
    actor: LOOKUP_ACTOR,
  });
  if (status) {
    const links = await tx.reportStatusLink.findMany({ where: { statusId: status.id }, select: { reportId: true } });
    await linkReports(tx, caseId, links.map((l) => l.reportId), LOOKUP_ACTOR);
  }
}
