/**
 * The blurred preview made at ingest (≤480 px WebP), optionally grayscale. Grayscale is derived on the fly:
 * cheap at this size, and it keeps one stored preview per media item. Not audited: nothing is revealed.
 */
import sharp from 'sharp';
import type { Ctx } from '@/lib/audit/actor';
import { AppError } from '@/lib/errors';
import { getMediaStore } from '@/lib/storage';
import { findVisibleMedia } from './find-visible-media';

// The preview is ours and small; the limit only guards against a corrupted or replaced blob.
const PREVIEW_MAX_PIXELS = 4_000_000;

export async function getMediaPreview({ ctx, input }: { ctx: Ctx; input: { mediaId: string; gray?: boolean } }): Promise<{ bytes: Buffer; mime: 'image/webp' }> {
  const media = await findVisibleMedia(ctx, input.mediaId);
  if (!media.previewKey) throw new AppError('not_found', 'media has no preview', { userMessage: 'No preview is available for this media yet.' });
  const blurred = await (await getMediaStore()).get(media.previewKey);
  if (!blurred) throw new AppError('not_found', 'preview blob missing', { userMessage: 'No preview is available for this media.' });
  if (!input.gray) return { bytes: blurred, mime: 'image/webp' };
  const bytes = await sharp(blurred, { limitInputPixels: PREVIEW_MAX_PIXELS }).grayscale().webp({ quality: 70 }).toBuffer();
  return { bytes, mime: 'image/webp' };
}
