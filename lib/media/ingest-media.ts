/**
 * The media job: fetch one attachment through the SSRF-safe fetcher, check and hash it, store the original
 * and a blurred preview encrypted, and record the result. Idempotent (done rows are skipped). Files that can
 * never succeed (too large, not an image, a decompression bomb, a forbidden address) fail at once;
 * network trouble is retried by the job queue.
 */
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { logger } from '@/lib/log/logger';
import { matchMedia } from '@/lib/matching/match-media';
import { getMediaStore } from '@/lib/storage';
import { fetchMedia } from './fetch-media';
import { hashMediaForMatching } from './hash-for-matching';
import { processMedia } from './process-media';

const log = logger('media');
const PERMANENT = new Set(['too_large', 'invalid_media', 'ssrf_blocked', 'bad_request', 'forbidden', 'not_found']);

export async function ingestMedia(mediaId: string, opts: { finalAttempt: boolean }): Promise<'done' | 'failed' | 'skipped'> {
  const media = await db.media.findUnique({ where: { id: mediaId }, include: { instance: { select: { allowPrivate: true } } } });
  if (!media || media.state === 'done') return 'skipped';
  await db.media.update({ where: { id: mediaId }, data: { attempts: { increment: 1 } } });
  try {
    const original = await fetchMedia(media.url, { allowPrivate: media.instance.allowPrivate, maxBytes: env().MEDIA_MAX_BYTES });
    const processed = await processMedia(original, { maxPixels: env().MEDIA_MAX_PIXELS });
    const pdq = processed.kind === 'image' || processed.kind === 'gif' ? await hashMediaForMatching(original, env().MEDIA_MAX_PIXELS) : null;
    const store = await getMediaStore();
    const base = `media/${media.instanceId}/${media.id}`;
    await store.put(`${base}/original`, original);
    await store.put(`${base}/preview`, processed.preview);
    await db.media.update({
      where: { id: mediaId },
      data: {
        state: 'done', error: null, mime: processed.mime, bytes: processed.bytes, width: processed.width ?? null, height: processed.height ?? null,
        frames: processed.frames ?? null, sha256: processed.sha256, md5: processed.md5, pdqHash: pdq?.hash ?? null, pdqQuality: pdq?.quality ?? null,
        pdqDihedral: pdq ? { ...pdq.dihedral } : Prisma.DbNull,
        storageKey: `${base}/original`, previewKey: `${base}/preview`, previewKind: processed.previewKind, fetchedAt: new Date(),
      },
    });
    await matchSafely(mediaId);
    return 'done';
  } catch (e) {
    const permanent = isAppError(e) && PERMANENT.has(e.code);
    const message = isAppError(e) ? e.userMessage : 'Unexpected error while processing media.';
    log.warn('media ingest failed', { mediaId, permanent, error: isAppError(e) ? e.message : String(e) });
    const giveUp = permanent || opts.finalAttempt;
    await db.media.update({ where: { id: mediaId }, data: { state: giveUp ? 'failed' : 'pending', error: message.slice(0, 500) } });
    if (!giveUp) throw e;
    return 'failed';
  }
}

/**
 * The media is stored and hashed whatever the matcher does: a matcher failure is logged, not retried through the
 * media job (which would fetch the file again). The next rematch run covers it.
 */
async function matchSafely(mediaId: string): Promise<void> {
  try {
    const out = await matchMedia(mediaId);
    if (out.matches > 0) log.info('media matched a hash bank', { mediaId, matches: out.matches, reports: out.reportIds.length });
  } catch (e) {
    log.error('matching failed', { mediaId, error: e instanceof Error ? e.message : String(e) });
  }
}
