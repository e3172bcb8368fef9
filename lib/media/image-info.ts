/**
 * Reads an image's declared geometry from its header and refuses decompression bombs before any pixel is
 * decoded: a few KB of PNG can declare 30000x30000 (3.6 GB of RGBA once decoded).
 */
import sharp, { type Metadata } from 'sharp';
import { AppError } from '@/lib/errors';

export interface ImageInfo {
  /** Display size after EXIF orientation. */
  width: number;
  height: number;
  /** Frames in an animation (GIF, animated WebP); 1 for stills. */
  frames: number;
  /** Size as stored (before EXIF orientation): what a decode produces. One frame of an animation. */
  storedWidth: number;
  storedHeight: number;
  /** Bands as decoded (1 grey .. 4 RGBA), for the memory estimate; EXIF orientation 1..8. */
  channels: number;
  orientation: number;
}

export function isPixelLimitError(e: unknown): boolean {
  return e instanceof Error && /pixel limit/i.test(e.message);
}

export async function readImageInfo(buf: Buffer, maxPixels: number): Promise<ImageInfo> {
  let meta: Metadata;
  try {
    // Header only. The pixel limit is checked below so the error can say what was declared.
    meta = await sharp(buf, { limitInputPixels: false, failOn: 'error' }).metadata();
  } catch (cause) {
    throw new AppError('invalid_media', 'media: unreadable image header', { cause });
  }
  const { width, height } = meta;
  if (!width || !height) throw new AppError('invalid_media', 'media: image declares no dimensions');
  // With the default `pages: 1`, height is one frame's height: the unit we decode.
  if (width * height > maxPixels) {
    throw new AppError('invalid_media', `media: decompression bomb refused (${width}x${height} exceeds ${maxPixels} pixels)`, {
      userMessage: 'The image is too large to process.',
      details: { width, height, maxPixels },
    });
  }
  const oriented = meta.autoOrient ?? { width, height };
  return {
    width: oriented.width, height: oriented.height, frames: meta.pages ?? 1,
    storedWidth: width, storedHeight: height, channels: meta.channels ?? 4, orientation: meta.orientation ?? 1,
  };
}
