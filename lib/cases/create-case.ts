/**
 * Opens a case in ONE transaction: the Case, its signals, its local copies, the reports showing them, its counts
 * and every audit event, so a crash leaves either the whole case or nothing. Two openers of one item at once end
 * with one case: a transaction-scoped advisory lock keyed on the item serializes them, and the second finds the first's.
 * The copy search on every instance is queued after commit (its failure is logged; the case stays).
 */
import { db, type Tx } from '@/lib/db';
import { actorId, actorLabel, type Actor } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { logger } from '@/lib/log/logger';
import { getMatchSettings } from '@/lib/matching/match-settings';
import { attachMediaToCases } from './attach-media';
import { ACTIVE_STATES } from './case-access';
import { addCaseSignals } from './case-signals';
import type { CaseSubject } from './case-subject';
import { findLocalCopies, type LocalCopy } from './find-local-copies';
import { linkReports } from './link-reports';
import { recordLocalCopies } from './record-local-copies';
import { recountCase } from './recount-case';
import { requestCopySearch } from './request-copy-search';
import type { CaseOpenedVia } from './types';

const log = logger('cases');
/** First key of the two-key advisory locks that serialize opening a case on one item. */
const OPEN_LOCK_SPACE = 91_442;

export interface CreatedCase { caseId: string; number: number; created: boolean }

export async function createCase(actor: Actor, subject: CaseSubject, opts: { via: CaseOpenedVia; title?: string }): Promise<CreatedCase> {
  const settings = await getMatchSettings();
  // A copy of an item that already has an open case (same bytes, or PDQ within the threshold) belongs to that case:
  // join it rather than open a second one. The lock below then finds it through the new copy.
  if (subject.primaryMediaId && subject.hashes) await attachMediaToCases({ id: subject.primaryMediaId, ...subject.hashes });
  const out = await db.$transaction(async (tx) => {
    // Keyed on the bytes where known: two openers of two byte-identical copies also serialize, and the second
    // finds its media among the first case's copies.
    const lockKey = subject.hashes?.sha256 ? `sha256:${subject.hashes.sha256}` : subject.primaryMediaId ? `media:${subject.primaryMediaId}` : `report:${subject.reportId}`;
    await tx.$executeRaw`select pg_advisory_xact_lock(${OPEN_LOCK_SPACE}::int, hashtext(${lockKey}))`;
    const existing = await existingCase(tx, subject);
    if (existing) return { ...existing, created: false };
    // Before the first audit event: recordEvent holds the app-wide audit lock until commit, and the scan takes a while.
    const copies: LocalCopy[] = subject.hashes ? await findLocalCopies(tx, subject.hashes, settings) : [];
    const label = subject.bestMatch?.label ?? null;
    const severity = subject.bestMatch?.severity ?? 0;
    const h = subject.hashes;
    const row = await tx.case.create({
      data: {
        title: (opts.title ?? `${label ?? 'Reported media'} from ${subject.origin.acct ?? subject.targetAcct ?? 'unknown account'}`).slice(0, 200),
        severity, label, openedVia: opts.via, openedById: actorId(actor), openedByLabel: actorLabel(actor),
        primaryMediaId: subject.primaryMediaId, sha256: h?.sha256 ?? null, md5: h?.md5 ?? null, pdqHash: h?.pdqHash ?? null,
        pdqQuality: h?.pdqQuality ?? null, pdqDihedral: h?.pdqDihedral ? (h.pdqDihedral as object) : undefined,
        originUri: subject.origin.uri, originUrl: subject.origin.url, originMediaUrl: subject.origin.mediaUrl, originAcct: subject.origin.acct,
        originAccountUrl: subject.origin.accountUrl, originDomain: subject.origin.domain, bestMatch: subject.bestMatch ? { ...subject.bestMatch } : undefined,
      },
      select: { id: true, number: true },
    });
    await recordEvent(tx, {
      actor, action: 'case.opened', targetType: 'case', targetId: row.id, instanceId: subject.instanceId,
      details: { via: opts.via, mediaId: subject.primaryMediaId, reportId: subject.reportId, severity, label },
    });
    // The PDQ signal only when it passes the gate: a flat image's hash would pull in unrelated media.
    if (h?.pdqHash && h.pdqQuality !== null && h.pdqQuality >= settings.qualityGate) {
      await addCaseSignals(tx, row.id, [{ signalType: 'pdq', value: h.pdqHash.toLowerCase() }]);
    }
    await recordLocalCopies(tx, row.id, copies, actor);
    if (subject.reportId) await linkReports(tx, row.id, [subject.reportId], actor);
    await recountCase(tx, row.id);
    return { caseId: row.id, number: row.number, created: true };
  });
  if (out.created) {
    await requestCopySearch({ ctx: { actor: { type: 'system', label: 'cases' } }, input: { caseId: out.caseId } })
      .catch((e) => log.warn('copy search not queued; "Search again" can retry', { caseId: out.caseId, error: e instanceof Error ? e.message : String(e) }));
  }
  return out;
}

/** The open or purging case the item already belongs to: by its media, or (post-only) by its report. */
async function existingCase(tx: Tx, subject: CaseSubject): Promise<{ caseId: string; number: number } | null> {
  const state = { in: [...ACTIVE_STATES] };
  const found = subject.primaryMediaId
    ? await tx.case.findFirst({ where: { state, OR: [{ primaryMediaId: subject.primaryMediaId }, { copies: { some: { mediaId: subject.primaryMediaId } } }] }, orderBy: { number: 'asc' }, select: { id: true, number: true } })
    : await tx.case.findFirst({ where: { state, primaryMediaId: null, reports: { some: { reportId: subject.reportId ?? '' } } }, orderBy: { number: 'asc' }, select: { id: true, number: true } });
  return found ? { caseId: found.id, number: found.number } : null;
}
