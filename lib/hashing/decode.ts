/**
 * Decode the way Meta's reference sees an image (it reads ImageMagick's PNM output): no ICC conversion, no EXIF
 * rotation, alpha dropped rather than composited, and a grey image as one channel (ImageMagick writes a PGM, and
 * luma of R = G = B is not exactly R in float32). The reference's nearest-neighbour shrink to 512x512 is applied
 * by pdqFromRgb while it reads the pixels (see downscale-nearest.ts), so the full-size image is returned here, except
 * above FULL_DECODE_MAX_PIXELS, where the image is shrunk while decoding (see shrink-on-load.ts).
 */
import sharp from 'sharp';
import { AppError } from '../errors';
import type { RawImage } from './raw-image';
import { FULL_DECODE_MAX_PIXELS, preShrinkSize } from './shrink-on-load';

export const DEFAULT_MAX_PIXELS = 100_000_000;

export interface DecodeOptions {
  /** Refuse images with more pixels than this before decoding them (decompression bombs). */
  limitInputPixels?: number;
  /** Above this many pixels the image is shrunk while decoding (not bit-exact, bounded memory). */
  fullDecodeMaxPixels?: number;
}

/** Throws AppError `too_large` over the pixel limit, `invalid_media` when the bytes do not decode. */
export async function decodeForPdq(input: Buffer | string, opts: DecodeOptions = {}): Promise<RawImage> {
  const limitInputPixels = opts.limitInputPixels ?? DEFAULT_MAX_PIXELS;
  const fail = (e: unknown): never => {
    throw decodeError(e, limitInputPixels);
  };
  const meta = await sharp(input, { limitInputPixels: false }).metadata().catch(fail);
  // Header first: a bomb is refused before anything is decoded, and the size decides the decode path.
  if (meta.width && meta.height && meta.width * meta.height > limitInputPixels) fail(new Error('Input image exceeds pixel limit'));
  const shrink = meta.width && meta.height ? preShrinkSize(meta.width, meta.height, opts.fullDecodeMaxPixels ?? FULL_DECODE_MAX_PIXELS) : null;
  let pipeline = sharp(input, { ignoreIcc: true, limitInputPixels }).removeAlpha();
  if (shrink) pipeline = pipeline.resize(shrink.width, shrink.height, { fit: 'fill' });
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true }).catch(fail);
  // sharp's raw output is 8-bit (16-bit sources are scaled down), as ImageMagick's 8-bit PNM is.
  if (data.byteLength !== info.width * info.height * info.channels) {
    throw new AppError('invalid_media', 'unexpected raw pixel layout');
  }
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return toRgbOrGrey(bytes, info.width, info.height, info.channels);
}

function decodeError(e: unknown, limitInputPixels: number): AppError {
  const reason = (e instanceof Error ? e.message : String(e)).split('\n', 1)[0].trim() || 'unknown decoder error';
  const code = /pixel limit/i.test(reason) ? 'too_large' : 'invalid_media';
  return new AppError(code, reason, { cause: e, details: { limitInputPixels } });
}

function toRgbOrGrey(data: Uint8Array, width: number, height: number, channels: number): RawImage {
  if (channels === 1) return { data, width, height, channels: 1 };
  if (channels !== 3) throw new AppError('invalid_media', `unexpected channel count ${channels}`);
  if (!isAllGrey(data)) return { data, width, height, channels: 3 };
  const grey = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < grey.length; i++, j += 3) grey[i] = data[j];
  return { data: grey, width, height, channels: 1 };
}

/** Colour photos exit on the first few pixels, so the full scan only happens for images that are grey. */
function isAllGrey(data: Uint8Array): boolean {
  for (let i = 0; i < data.length; i += 3) {
    const r = data[i];
    if (r !== data[i + 1] || r !== data[i + 2]) return false;
  }
  return true;
}
