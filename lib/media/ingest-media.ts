/**
 * The media job: fetch one attachment through the SSRF-safe fetcher, check and hash it, store the original
 * and a blurred preview encrypted, and record the result. Idempotent (done rows are skipped). Files that can
 * never succeed (too large, not an image, a decompression bomb, a forbidden address) fail at once;
 * network trouble is retried from the row: one claim with a lease per fetch, a capped number of attempts with
 * backoff, so a slow file costs at most MEDIA_MAX_ATTEMPTS fetches however often the sweeper looks.
 */
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { logger } from '@/lib/log/logger';
import type { MediaHashRow } from '@/lib/matching/match-batch';
import { matchMedia } from '@/lib/matching/match-media';
import { queueOutsideChecks } from '@/lib/matchers/run-outside-checks';
import { attachMediaToCases } from '@/lib/cases/attach-media';
import { autoOpenCaseForMedia } from '@/lib/cases/auto-open-case';
import { getMediaStore } from '@/lib/storage';
import { exemptOriginFor } from '@/lib/net/fetch-policy';
import { fetchMedia } from './fetch-media';
import { prepareMedia } from './prepare-media';
import { claimMedia, extendMediaLease } from '@/lib/jobs/claim-media';
import { enqueueMediaFetch } from '@/lib/jobs/enqueue';
import { startHeartbeat } from '@/lib/jobs/heartbeat';
import { outboxBackoffMs, outboxSettings, type OutboxSettings } from '@/lib/jobs/outbox-settings';

const log = logger('media');
const PERMANENT = new Set(['too_large', 'invalid_media', 'ssrf_blocked', 'bad_request', 'forbidden', 'not_found']);

export interface IngestOptions {
  /** Give up on a transient failure instead of scheduling another attempt (CLI and tests). */
  finalAttempt?: boolean;
  now?: Date;
  settings?: Partial<OutboxSettings>;
}

export async function ingestMedia(mediaId: string, opts: IngestOptions = {}): Promise<'done' | 'failed' | 'retry' | 'skipped'> {
  const s = outboxSettings(opts.settings);
  const now = opts.now ?? new Date();
  const media = await db.media.findUnique({ where: { id: mediaId }, include: { instance: { select: { allowPrivate: true, baseUrl: true } } } });
  if (!media || media.state === 'done') return 'skipped';
  const claim = await claimMedia(mediaId, now, s.leaseMs);
  if (!claim) return 'skipped'; // another worker holds it, it waits out its backoff, or it is settled
  const stop = startHeartbeat(s.leaseMs, () => extendMediaLease(mediaId, claim.token, s.leaseMs));
  try {
    const original = await fetchMedia(media.url, { exemptOrigin: exemptOriginFor(media.instance), maxBytes: env().MEDIA_MAX_BYTES });
    // One decode for hash and preview, within the process's media memory budget (prepare-media.ts).
    const processed = await prepareMedia(original, { maxPixels: env().MEDIA_MAX_PIXELS });
    const pdq = processed.pdq;
    const store = await getMediaStore();
    const base = `media/${media.instanceId}/${media.id}`;
    // Both writes at once: each waits on its own fsync, so together they cost one.
    await Promise.all([store.put(`${base}/original`, original), store.put(`${base}/preview`, processed.preview)]);
    stop(); // the outcome write ends the claim; a beat after it would look like a lost lease
    await db.media.update({
      where: { id: mediaId },
      data: {
        state: 'done', error: null, mime: processed.mime, bytes: processed.bytes, width: processed.width ?? null, height: processed.height ?? null,
        frames: processed.frames ?? null, sha256: processed.sha256, md5: processed.md5, pdqHash: pdq?.hash ?? null, pdqQuality: pdq?.quality ?? null,
        pdqDihedral: pdq ? { ...pdq.dihedral } : Prisma.DbNull,
        storageKey: `${base}/original`, previewKey: `${base}/preview`, previewKind: processed.previewKind, fetchedAt: new Date(),
        leaseUntil: null, leaseToken: null, nextAttemptAt: null,
      },
    });
    await matchSafely(mediaId, { id: mediaId, pdqHash: pdq?.hash ?? null, pdqQuality: pdq?.quality ?? null, pdqDihedral: pdq ? { ...pdq.dihedral } : null, md5: processed.md5, sha256: processed.sha256 });
    return 'done';
  } catch (e) {
    stop();
    const permanent = isAppError(e) && PERMANENT.has(e.code);
    const message = isAppError(e) ? e.userMessage : 'Unexpected error while processing media.';
    log.warn('media ingest failed', { mediaId, permanent, error: isAppError(e) ? e.message : String(e) });
    const giveUp = permanent || opts.finalAttempt === true || claim.attempts >= s.mediaMaxAttempts;
    const error = (!permanent && giveUp && !opts.finalAttempt ? `Gave up after ${claim.attempts} attempts: ${message}` : message).slice(0, 500);
    const nextAttemptAt = giveUp ? null : new Date(now.getTime() + outboxBackoffMs(claim.attempts, s));
    const released = await db.media.updateMany({
      where: { id: mediaId, leaseToken: claim.token },
      data: { state: giveUp ? 'failed' : 'pending', error, leaseUntil: null, leaseToken: null, nextAttemptAt },
    });
    if (released.count === 1 && nextAttemptAt) await enqueueMediaFetch(mediaId, nextAttemptAt).catch(() => {}); // else the worker's poll does
    return giveUp ? 'failed' : 'retry';
  } finally {
    stop();
  }
}

/**
 * The media is stored and hashed whatever the matcher does: a matcher failure is logged, not retried through the
 * media job (which would fetch the file again). The next rematch run covers it.
 */
async function matchSafely(mediaId: string, hashes: MediaHashRow): Promise<void> {
  let matched = false;
  try {
    const out = await matchMedia(mediaId, hashes);
    matched = out.matches > 0;
    if (out.matches > 0) log.info('media matched a hash bank', { mediaId, matches: out.matches, reports: out.reportIds.length });
  } catch (e) {
    log.error('matching failed', { mediaId, error: e instanceof Error ? e.message : String(e) });
  }
  // Outside matchers (issue 14) get the hashes in their own job, so a slow or failing service never holds up ingest.
  await queueOutsideChecks(mediaId).catch((e: unknown) => log.error('outside checks not queued', { mediaId, error: e instanceof Error ? e.message : String(e) }));
  // Cases next (joining an open case first, so auto-open finds it); like matching, never a reason to refetch.
  try {
    await attachMediaToCases(hashes);
    if (matched) await autoOpenCaseForMedia(mediaId);
  } catch (e) {
    log.error('case attach/auto-open failed', { mediaId, error: e instanceof Error ? e.message : String(e) });
  }
}
