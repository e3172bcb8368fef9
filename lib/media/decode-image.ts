/**
 * The one decode of an image, shared by the PDQ hash and the blurred preview: first frame, as stored (no EXIF
 * rotation, no ICC conversion: what PDQ's reference sees), alpha kept so the preview can flatten it. Above
 * FULL_DECODE_MAX_PIXELS the image is shrunk while it is decoded (JPEG/WebP shrink-on-load, streaming otherwise),
 * so a 10,000 x 10,000 image never exists in memory at full size. estimateDecodeBytes is what the decode may hold
 * at its peak, computed from the header for the memory budget.
 */
import sharp, { type OutputInfo } from 'sharp';
import { AppError } from '@/lib/errors';
import type { Pixels } from '@/lib/hashing/pdq-pixels';
import { preShrinkSize } from '@/lib/hashing/shrink-on-load';
import { isPixelLimitError, type ImageInfo } from './image-info';

export interface DecodedImage extends Pixels {
  /** True when the image was shrunk while decoding (its PDQ hash is then close to, not equal to, the reference). */
  preShrunk: boolean;
}

// libvips' per-thread buffers, the preview's small images and the WebP encoder, whatever the image size.
const FIXED_OVERHEAD = 16 * 1024 * 1024;
// What a shrinking decode holds besides its output: libvips' scanline caches and the decoder's buffers. Measured
// at about 60 MB for a 10,000 px wide PNG (lib/media/memory.test.ts), so: rows of the full-width source, floored.
const STREAMING_ROWS = 512;
const STREAMING_MIN = 48 * 1024 * 1024;

export function estimateDecodeBytes(info: Pick<ImageInfo, 'storedWidth' | 'storedHeight' | 'channels'>): number {
  const channels = Math.min(4, Math.max(1, info.channels));
  const shrink = preShrinkSize(info.storedWidth, info.storedHeight);
  if (!shrink) return info.storedWidth * info.storedHeight * channels + FIXED_OVERHEAD;
  const streaming = Math.max(STREAMING_MIN, info.storedWidth * channels * STREAMING_ROWS);
  return shrink.width * shrink.height * channels + streaming + FIXED_OVERHEAD;
}

export async function decodeImage(buf: Buffer, info: Pick<ImageInfo, 'storedWidth' | 'storedHeight'>, maxPixels: number): Promise<DecodedImage> {
  const shrink = preShrinkSize(info.storedWidth, info.storedHeight);
  // The pixel limit backs up readImageInfo; failOn 'error' refuses corrupt data rather than hashing garbage.
  let pipeline = sharp(buf, { ignoreIcc: true, limitInputPixels: maxPixels, failOn: 'error', pages: 1 });
  if (shrink) pipeline = pipeline.resize(shrink.width, shrink.height, { fit: 'fill' });
  let out: { data: Buffer; info: OutputInfo };
  try {
    out = await pipeline.raw().toBuffer({ resolveWithObject: true });
  } catch (cause) {
    const bomb = isPixelLimitError(cause);
    throw new AppError('invalid_media', bomb ? 'media: decompression bomb refused' : 'media: image could not be decoded', { cause });
  }
  const { width, height } = out.info;
  const channels = bands(out.info.channels);
  // sharp's raw output is 8-bit (16-bit sources are scaled down), as decodeForPdq relies on too.
  if (channels === null || out.data.byteLength !== width * height * channels) {
    throw new AppError('invalid_media', `media: unexpected decoded layout (${out.info.channels} channels)`);
  }
  const data = new Uint8Array(out.data.buffer, out.data.byteOffset, out.data.byteLength);
  return { data, width, height, channels, preShrunk: shrink !== null };
}

function bands(n: number): Pixels['channels'] | null {
  return n === 1 || n === 2 || n === 3 || n === 4 ? n : null;
}
