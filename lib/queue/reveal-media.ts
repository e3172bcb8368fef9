/**
 * Reveal: the original bytes of one media item, and a `media.reveal` audit event for it. The blob is read
 * first and the event committed second, and the bytes are returned only after the commit: a reveal that
 * cannot be audited does not happen, and a missing blob is not logged as a reveal.
 * `reportId` is the context the moderator revealed it from; it is recorded only if it really links the media.
 */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, canViewOriginals } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { getMediaStore } from '@/lib/storage';
import { findVisibleMedia } from './find-visible-media';
import { isInlineImage, safeContentType } from './media-policy';

export interface RevealedMedia {
  bytes: Buffer;
  mime: string;
  /** false: serve as an attachment (video, audio, SVG, unknown), never inline. */
  inline: boolean;
}

export async function revealMedia({ ctx, input }: { ctx: Ctx; input: { mediaId: string; reportId?: string } }): Promise<RevealedMedia> {
  assertAllowed(canViewOriginals(ctx.actor), 'media.reveal'); // viewers see previews only
  const media = await findVisibleMedia(ctx, input.mediaId);
  if (!media.storageKey) throw new AppError('not_found', 'media original not stored', { userMessage: 'The original of this media is not stored.' });
  if (input.reportId) await assertLinked(input.reportId, media.statusId);
  const bytes = await (await getMediaStore()).get(media.storageKey);
  if (!bytes) throw new AppError('not_found', 'media original blob missing', { userMessage: 'The original of this media is not stored.' });
  const inline = isInlineImage(media.mime);
  await db.$transaction((tx) =>
    recordEvent(tx, {
      actor: ctx.actor,
      action: 'media.reveal',
      targetType: 'media',
      targetId: media.id,
      instanceId: media.instanceId,
      details: { ...(input.reportId ? { reportId: input.reportId } : {}), mime: media.mime, inline },
    }),
  );
  return { bytes, mime: safeContentType(media.mime), inline };
}

async function assertLinked(reportId: string, statusId: string | null): Promise<void> {
  const link = statusId ? await db.reportStatusLink.findUnique({ where: { reportId_statusId: { reportId, statusId } }, select: { reportId: true } }) : null;
  if (!link) throw new AppError('bad_request', 'reveal: media is not part of that report');
}
