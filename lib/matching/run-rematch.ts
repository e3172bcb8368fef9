/**
 * The 'bank.rematch' job: when a bank gains entries (or the matching settings change), every media that was
 * already hashed is matched again, from its stored hashes (no image is re-read). Progress (total, done,
 * matched) is written after each page of 500 for the bank page to poll. Safe to retry: a retry starts over, and
 * matches are upserts, so a page done twice changes nothing.
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { logger } from '@/lib/log/logger';
import { getMatchSettings } from './match-settings';
import { MEDIA_HASH_SELECT, matchMediaBatch, type MediaHashRow } from './match-batch';
import type { MediaHits } from './find-media-hits';
import { refreshReportMatches, reportIdsForMedia } from './refresh-report-matches';
import { syncBankIndex } from './sync-bank-index';
import { autoOpenCaseForMedia } from '@/lib/cases/auto-open-case';

const PAGE = 500;
const log = logger('matching');

export const rematchJobData = z.object({ runId: z.uuid() });

const HASHED: Prisma.MediaWhereInput = { state: 'done', OR: [{ pdqHash: { not: null } }, { md5: { not: null } }, { sha256: { not: null } }] };

export async function runRematch(runId: string): Promise<'done' | 'skipped'> {
  const run = await db.rematchRun.findUnique({ where: { id: runId }, select: { status: true, bankId: true } });
  // Gone (its bank was deleted) or already finished by an earlier delivery of the same job.
  if (!run || run.status === 'done') return 'skipped';
  await db.rematchRun.update({ where: { id: runId }, data: { status: 'running', startedAt: new Date(), finishedAt: null, error: null, done: 0, matched: 0 } });
  try {
    const progress = await walkMedia(runId, run.bankId);
    await db.rematchRun.update({ where: { id: runId }, data: { status: 'done', finishedAt: new Date(), ...progress } });
    log.info('rematch done', { runId, ...progress });
    return 'done';
  } catch (e) {
    log.error('rematch failed', { runId, error: e instanceof Error ? e.message : String(e) });
    // The run row is shown to admins: a safe message only, the details are in the log.
    const error = isAppError(e) ? e.userMessage : 'Matching existing media failed; the job will be retried.';
    await db.rematchRun.update({ where: { id: runId }, data: { status: 'failed', error, finishedAt: new Date() } }).catch(() => undefined);
    throw e;
  }
}

async function walkMedia(runId: string, bankId: string | null): Promise<{ total: number; done: number; matched: number }> {
  const settings = await getMatchSettings();
  let total = await db.media.count({ where: HASHED });
  await db.rematchRun.update({ where: { id: runId }, data: { total } });
  let done = 0;
  let matched = 0;
  let after: string | null = null;
  for (;;) {
    // One feed check per page (not per media) keeps a long run in step with further bank edits.
    const { index } = await syncBankIndex();
    const page: MediaHashRow[] = await db.media.findMany({
      where: after === null ? HASHED : { AND: [HASHED, { id: { gt: after } }] },
      orderBy: { id: 'asc' },
      take: PAGE,
      select: MEDIA_HASH_SELECT,
    });
    if (page.length === 0) break;
    const { hits, changed } = await matchMediaBatch(index, page, settings);
    await refreshReportMatches(await reportIdsForMedia(changed));
    await autoOpenCases(changed, hits);
    done += page.length;
    matched += countMatched(hits, bankId);
    total = Math.max(total, done); // media hashed during the run
    await db.rematchRun.update({ where: { id: runId }, data: { done, matched, total } });
    if (page.length < PAGE) break;
    after = page[page.length - 1].id;
  }
  return { total, done, matched };
}

/** Media that newly match (e.g. a bank import) at or above the auto-open setting become cases too; logged, never fatal. */
async function autoOpenCases(changed: readonly string[], hits: Map<string, MediaHits>): Promise<void> {
  for (const mediaId of changed) {
    if ((hits.get(mediaId)?.matches.length ?? 0) === 0) continue;
    await autoOpenCaseForMedia(mediaId).catch((e) => log.error('case auto-open failed', { mediaId, error: e instanceof Error ? e.message : String(e) }));
  }
}

/** Media with at least one stored match in the run's bank (any bank for a settings-wide run). */
function countMatched(hits: Map<string, MediaHits>, bankId: string | null): number {
  let n = 0;
  for (const h of hits.values()) if (h.matches.some((m) => bankId === null || m.bankId === bankId)) n++;
  return n;
}
