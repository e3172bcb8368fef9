/**
 * The reference CLI (CImg `resize(512, 512)`, nearest neighbour, aspect ignored) shrinks any image with a side over
 * 512 before hashing. sharp's kernels pick different source pixels, so the sampling is done by hand:
 * source = floor(dst * size / 512). pdqFromRgb samples this way while computing luma, so the 512x512 RGB copy
 * below is never materialised on the hot path; it is kept for callers that want the reference's pixels.
 */
import type { RawImage } from './raw-image';

export const PDQ_MAX_SIDE = 512;

/** The size the reference hashes an image at. */
export function pdqWorkingSize(width: number, height: number): { width: number; height: number } {
  const big = width > PDQ_MAX_SIDE || height > PDQ_MAX_SIDE;
  return big ? { width: PDQ_MAX_SIDE, height: PDQ_MAX_SIDE } : { width, height };
}

/** Source index along one axis for each destination index. */
export function nearestIndices(source: number, target: number): Int32Array {
  const out = new Int32Array(target);
  // floor(x * W / size) in exact integer-valued float64 for any realistic W.
  for (let x = 0; x < target; x++) out[x] = Math.floor((x * source) / target);
  return out;
}

export function downscaleNearest(src: RawImage): RawImage {
  const { width, height } = pdqWorkingSize(src.width, src.height);
  const { channels, data } = src;
  const xs = nearestIndices(src.width, width);
  const ys = nearestIndices(src.height, height);
  const out = new Uint8Array(width * height * channels);
  let o = 0;
  for (let y = 0; y < height; y++) {
    const row = ys[y] * src.width;
    for (let x = 0; x < width; x++) {
      const i = (row + xs[x]) * channels;
      for (let c = 0; c < channels; c++) out[o++] = data[i + c];
    }
  }
  return { data: out, width, height, channels };
}
