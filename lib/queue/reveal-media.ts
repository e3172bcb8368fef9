/**
 * Reveal: the original bytes of one media item, and a `media.reveal` audit event for it. The blob is read
 * first and the event committed second, and the bytes are returned only after the commit: a reveal that
 * cannot be audited does not happen, and a missing blob is not logged as a reveal.
 * `reportId` is the context the moderator revealed it from; it is recorded only if it really links the media.
 * Each reveal is also an exposure (issue 15), written in the same transaction under the browser's `revealId`
 * (the id its end beacon names); a person over the team's exposure limit gets no severe original.
 */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, canViewOriginals } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { getExposureStatus } from '@/lib/exposure/get-exposure-status';
import { mediaSeverity } from '@/lib/exposure/media-severity';
import { recordReveal } from '@/lib/exposure/record-exposure';
import { getMediaStore } from '@/lib/storage';
import { findVisibleMedia } from './find-visible-media';
import { isInlineImage, safeContentType } from './media-policy';

export interface RevealedMedia {
  bytes: Buffer;
  mime: string;
  /** The exposure this reveal was recorded under (the browser's id when it could be used), null for non-people. */
  revealId: string | null;
  /** false: serve as an attachment (video, audio, SVG, unknown), never inline. */
  inline: boolean;
}

export async function revealMedia({ ctx, input }: { ctx: Ctx; input: { mediaId: string; reportId?: string; revealId?: string } }): Promise<RevealedMedia> {
  assertAllowed(canViewOriginals(ctx.actor), 'media.reveal'); // viewers see previews only
  const media = await findVisibleMedia(ctx, input.mediaId);
  const severity = await mediaSeverity(media.id);
  const actor = ctx.actor;
  if (actor.type === 'user') await assertUnderLimit(actor.id, severity.severity);
  if (!media.storageKey) throw new AppError('not_found', 'media original not stored', { userMessage: 'The original of this media is not stored.' });
  if (input.reportId) await assertLinked(input.reportId, media.statusId);
  const bytes = await (await getMediaStore()).get(media.storageKey);
  if (!bytes) throw new AppError('not_found', 'media original blob missing', { userMessage: 'The original of this media is not stored.' });
  const inline = isInlineImage(media.mime);
  const revealId = await db.$transaction(async (tx) => {
    await recordEvent(tx, {
      actor,
      action: 'media.reveal',
      targetType: 'media',
      targetId: media.id,
      instanceId: media.instanceId,
      details: { ...(input.reportId ? { reportId: input.reportId } : {}), mime: media.mime, inline },
    });
    if (actor.type !== 'user') return null;
    return recordReveal(tx, { userId: actor.id, ...severity, mediaId: media.id, instanceId: media.instanceId }, input.revealId);
  });
  return { bytes, mime: safeContentType(media.mime), inline, revealId };
}

/** Over the limit, only severe originals are held back: the rest of the work goes on. */
async function assertUnderLimit(userId: string, severity: number): Promise<void> {
  if (severity <= 0) return;
  const status = await getExposureStatus(userId);
  if (status.limited && severity >= status.limits.severeAt) {
    throw new AppError('forbidden', 'reveal: exposure limit reached', { userMessage: limitRefusal(status) });
  }
}

async function assertLinked(reportId: string, statusId: string | null): Promise<void> {
  const link = statusId ? await db.reportStatusLink.findUnique({ where: { reportId_statusId: { reportId, statusId } }, select: { reportId: true } }) : null;
  if (!link) throw new AppError('bad_request', 'reveal: media is not part of that report');
}

/** The refused reveal's words: why, until when, and the way out. */
function limitRefusal(status: { reason: string | null; until: string | null }): string {
  const why = status.reason ?? 'You reached the team’s exposure limit for severe items.';
  const until = status.until ? ` until ${status.until.slice(0, 16).replace('T', ' ')} UTC` : '';
  return `${why} Severe originals stay hidden for you${until}: take a break; a lead can lift the limit.`;
}
