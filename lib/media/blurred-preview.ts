/**
 * The only rendering of a harmful-media candidate that reaches a browser by default: small, heavily blurred,
 * optionally grayscale, re-encoded as WebP (which also drops EXIF/GPS and any trailing payload).
 *
 * Two stages. First the image is shrunk to at most DETAIL_SIZE px on its long side: detail finer than that grid
 * is gone for good, so no deblurring can bring it back (a Gaussian blur alone is partly invertible). Then it is
 * scaled to the preview size (at most 480 px, never enlarged) and blurred with sigma 18 *preview* pixels,
 * which smooths the grid into soft colour fields. Small originals get the same sigma, so they blur even more.
 */
import sharp, { type OutputInfo, type Sharp } from 'sharp';
import { AppError } from '@/lib/errors';
import type { Pixels } from '@/lib/hashing/pdq-pixels';
import { isPixelLimitError } from './image-info';

export const PREVIEW_MAX_SIZE = 480;
export const DEFAULT_BLUR_SIGMA = 18;
const DETAIL_SIZE = 48;
// Transparent pixels still carry colour; flattening onto neutral grey keeps hidden content out of the preview.
const FLATTEN_BACKGROUND = '#808080';

export interface PreviewOptions {
  maxPixels: number;
  /** Display size of the source (after EXIF orientation), from readImageInfo. */
  width: number;
  height: number;
  size?: number;
  blurSigma?: number;
  grayscale?: boolean;
}

function fitInside(width: number, height: number, size: number): { width: number; height: number } {
  const scale = Math.min(1, size / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

async function shrinkToDetailGrid(buf: Buffer, maxPixels: number) {
  try {
    // pages: 1 decodes only the first frame of an animation; the pixel limit backs up readImageInfo.
    return await sharp(buf, { limitInputPixels: maxPixels, failOn: 'error', pages: 1 })
      .autoOrient()
      .resize(DETAIL_SIZE, DETAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: FLATTEN_BACKGROUND })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (cause) {
    const bomb = isPixelLimitError(cause);
    throw new AppError('invalid_media', bomb ? 'media: decompression bomb refused' : 'media: image could not be decoded', { cause });
  }
}

export async function makeBlurredPreview(buf: Buffer, opts: PreviewOptions): Promise<Buffer> {
  const { data, info } = await shrinkToDetailGrid(buf, opts.maxPixels);
  return blurGrid(data, info, opts);
}

/**
 * The same preview from pixels already decoded (as stored: first frame, no EXIF rotation, alpha kept), so the
 * media pipeline decodes each image once for the hash and the preview. The grid is sized from the stored
 * geometry (the pixels may have been shrunk at decode, aspect ignored), then turned upright: on 48 px that costs
 * nothing, and the result is the grid makeBlurredPreview would have made.
 */
export async function makeBlurredPreviewFromPixels(
  pixels: Pixels,
  opts: PreviewOptions & { storedWidth: number; storedHeight: number; orientation: number },
): Promise<Buffer> {
  const grid = fitInside(opts.storedWidth, opts.storedHeight, DETAIL_SIZE);
  const small = await sharp(pixels.data, { raw: { width: pixels.width, height: pixels.height, channels: pixels.channels } })
    .resize(grid.width, grid.height, { fit: 'fill' })
    .flatten({ background: FLATTEN_BACKGROUND })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (opts.orientation <= 1 || opts.orientation > 8) return blurGrid(small.data, small.info, opts);
  const upright = await orient(sharp(small.data, { raw: { width: small.info.width, height: small.info.height, channels: rawBands(small.info.channels) } }), opts.orientation)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return blurGrid(upright.data, upright.info, opts);
}

/**
 * The blur runs at a quarter of the preview size (sigma scaled with it) and the result is scaled up: the content is
 * a 48 px grid, so the soft fields look the same, and a sigma-18 blur at 480 px (a ~108-tap kernel over every pixel)
 * was the largest single cost of a media job. No detail comes back: everything finer than the grid is already gone.
 */
const BLUR_SCALE = 4;

async function blurGrid(data: Buffer, info: OutputInfo, opts: PreviewOptions): Promise<Buffer> {
  const target = fitInside(opts.width, opts.height, Math.min(opts.size ?? PREVIEW_MAX_SIZE, PREVIEW_MAX_SIZE));
  const work = { width: Math.max(1, Math.round(target.width / BLUR_SCALE)), height: Math.max(1, Math.round(target.height / BLUR_SCALE)) };
  const sigma = Math.max(0.3, (opts.blurSigma ?? DEFAULT_BLUR_SIGMA) / BLUR_SCALE);
  const blurred = await sharp(data, { raw: { width: info.width, height: info.height, channels: rawBands(info.channels) } })
    .resize(work.width, work.height, { fit: 'fill', kernel: 'cubic' })
    .blur(sigma)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return sharp(blurred.data, { raw: { width: blurred.info.width, height: blurred.info.height, channels: rawBands(blurred.info.channels) } })
    .resize(target.width, target.height, { fit: 'fill', kernel: 'cubic' })
    .grayscale(opts.grayscale ?? false)
    // effort 2 instead of the default 4: a blurred 480 px field comes out within a few percent of the size, and
    // encoding it is about 4x faster (it was the largest cost of a media job after decoding).
    .webp({ quality: 70, effort: 2 })
    .toBuffer();
}

/** EXIF orientation 1..8 as sharp's own autoOrient applies it (checked against autoOrient in the tests). */
function orient(image: Sharp, orientation: number): Sharp {
  switch (orientation) {
    case 2: return image.flop();
    case 3: return image.rotate(180);
    case 4: return image.flip();
    case 5: return image.rotate(90).flip();
    case 6: return image.rotate(90);
    case 7: return image.rotate(90).flop();
    case 8: return image.rotate(270);
    default: return image;
  }
}

function rawBands(n: number): 1 | 2 | 3 | 4 {
  if (n === 1 || n === 2 || n === 3 || n === 4) return n;
  throw new AppError('invalid_media', `media: unexpected channel count ${n}`);
}

/**
 * Per-user grayscale is derived on request from the stored colour preview: decoding a 480 px WebP is cheap,
 * and storing one preview per media keeps purges and storage simple.
 */
export async function makePreviewVariant(preview: Buffer, opts: { grayscale: boolean }): Promise<Buffer> {
  if (!opts.grayscale) return preview;
  return sharp(preview, { limitInputPixels: PREVIEW_MAX_SIZE * PREVIEW_MAX_SIZE, failOn: 'error' })
    .grayscale()
    .webp({ quality: 70 })
    .toBuffer();
}
