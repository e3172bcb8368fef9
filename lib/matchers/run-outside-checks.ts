/**
 * Outside checks of one media item: queued right after ingest hashes it (queueOutsideChecks), run in their own job
 * (runOutsideChecks), retried by the scheduler tick (dueOutsideChecks). Ingest never waits for any of this, so a
 * matcher that is down or slow never stalls the sync.
 */
import { db } from '@/lib/db';
import { evaluateHolds } from '@/lib/holding/evaluate-holds';
import { enqueueOutsideCheck } from '@/lib/jobs/enqueue';
import { logger } from '@/lib/log/logger';
import { refreshReportMatches, reportIdsForMedia } from '@/lib/matching/refresh-report-matches';
import { adapterFor } from './adapter-for';
import { MAX_CHECK_ATTEMPTS, checkBackoffMs } from './circuit';
import { guarded } from './guard';
import { storeOutsideHits, type StoredHit } from './store-outside-hits';
import type { HashQuery } from './types';

const log = logger('matchers');

type MediaHashes = { pdqHash: string | null; md5: string | null };

/** The hashes a matcher receives for a media item: its signal types that the item has. Nothing else. */
export function hashesFor(media: MediaHashes, signalTypes: readonly string[]): HashQuery[] {
  const out: HashQuery[] = [];
  if (signalTypes.includes('pdq') && media.pdqHash && /^[0-9a-f]{64}$/i.test(media.pdqHash)) out.push({ signalType: 'pdq', value: media.pdqHash.toLowerCase() });
  if (signalTypes.includes('md5') && media.md5 && /^[0-9a-f]{32}$/i.test(media.md5)) out.push({ signalType: 'md5', value: media.md5.toLowerCase() });
  return out;
}

export async function runOutsideChecks(mediaId: string): Promise<void> {
  try {
    await runChecks(mediaId);
  } catch (e) {
    log.error('outside checks failed', { mediaId, error: e instanceof Error ? e.message : String(e) });
  }
}

async function runChecks(mediaId: string): Promise<void> {
  const now = new Date();
  const media = await db.media.findUnique({ where: { id: mediaId }, select: { id: true, instanceId: true, pdqHash: true, md5: true } });
  if (!media) return;
  const checks = await db.outsideCheck.findMany({
    where: { mediaId, state: 'pending', OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }], matcher: { enabled: true } },
    include: { matcher: true },
  });
  const found: { matcher: { name: string; severity: number; label: string }; hit: StoredHit }[] = [];
  for (const check of checks) {
    const m = check.matcher;
    // Opt-in is re-read at run time: an instance taken off the list since the check was queued sends nothing.
    if (!m.instanceIds.includes(media.instanceId)) continue;
    const hashes = hashesFor(media, m.signalTypes);
    if (hashes.length === 0) continue;
    const adapter = await adapterFor(m);
    const outcome = await guarded(m.id, () => adapter.lookup(hashes));
    if (outcome.kind === 'ok') {
      const fresh = await storeOutsideHits(media, m, outcome.value);
      for (const hit of fresh) found.push({ matcher: m, hit });
      continue;
    }
    await postpone(check, outcome);
  }
  if (found.length === 0) return;
  const reportIds = await reportIdsForMedia([mediaId]);
  await refreshReportMatches(reportIds);
  if (reportIds.length === 0) return;
  for (const { matcher, hit } of found) {
    await evaluateHolds({
      reportIds,
      signal: { trigger: 'outside_match', severity: hit.severity, label: matcher.label, service: matcher.name, bank: hit.bank, mediaId, distance: hit.distance },
    }).catch((e: unknown) => log.error('holds after an outside match failed', { mediaId, error: e instanceof Error ? e.message : String(e) }));
  }
}

type NotOk = { kind: 'open'; until: Date } | { kind: 'limited'; retryAt: Date } | { kind: 'failed'; error: string };

/** A wait (circuit open, rate limited) moves the check without counting; a failure counts and backs off. */
async function postpone(check: { mediaId: string; matcherId: string; attempts: number }, outcome: NotOk): Promise<void> {
  const where = { mediaId_matcherId: { mediaId: check.mediaId, matcherId: check.matcherId } };
  if (outcome.kind !== 'failed') {
    const at = outcome.kind === 'open' ? outcome.until : outcome.retryAt;
    await db.outsideCheck.update({ where, data: { nextAttemptAt: at } });
    await enqueueOutsideCheck(check.mediaId, at).catch(() => {}); // else the tick finds it
    return;
  }
  const attempts = check.attempts + 1;
  const giveUp = attempts >= MAX_CHECK_ATTEMPTS;
  const nextAttemptAt = giveUp ? null : new Date(Date.now() + checkBackoffMs(attempts));
  await db.outsideCheck.update({ where, data: { attempts, error: outcome.error, state: giveUp ? 'failed' : 'pending', nextAttemptAt } });
  if (nextAttemptAt) await enqueueOutsideCheck(check.mediaId, nextAttemptAt).catch(() => {});
}

/** Media with a check due now: pending, backoff over, matcher enabled and its circuit not open. */
export async function dueOutsideChecks(now: Date, limit = 200): Promise<string[]> {
  const rows = await db.outsideCheck.findMany({
    where: {
      state: 'pending',
      OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }],
      matcher: { enabled: true, OR: [{ openUntil: null }, { openUntil: { lte: now } }] },
    },
    select: { mediaId: true },
    distinct: ['mediaId'],
    take: limit,
  });
  return rows.map((r) => r.mediaId);
}

/** Right after ingest hashed the item: a check row per opted-in matcher that can use its hashes, and the job. */
export async function queueOutsideChecks(mediaId: string): Promise<void> {
  try {
    const media = await db.media.findUnique({ where: { id: mediaId }, select: { instanceId: true, pdqHash: true, md5: true } });
    if (!media) return;
    const matchers = await db.outsideMatcher.findMany({ where: { enabled: true, instanceIds: { has: media.instanceId } }, select: { id: true, signalTypes: true } });
    const wanted = matchers.filter((m) => hashesFor(media, m.signalTypes).length > 0);
    if (wanted.length === 0) return;
    await db.outsideCheck.createMany({ data: wanted.map((m) => ({ mediaId, matcherId: m.id })), skipDuplicates: true });
    await enqueueOutsideCheck(mediaId);
  } catch (e) {
    log.error('outside checks not queued', { mediaId, error: e instanceof Error ? e.message : String(e) });
  }
}
