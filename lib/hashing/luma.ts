/**
 * Luma exactly as the reference computes it in float32: 0.299f*R + 0.587f*G + 0.114f*B, summed left to right;
 * one channel: Y = value. A float32 times a byte is exact in float64, so one fround per product reproduces the
 * float32 multiply. Sampling happens here too (nearest neighbour, see downscale-nearest.ts) so a large image is read
 * once and never copied.
 */
import { nearestIndices } from './downscale-nearest';
import type { RawImage } from './raw-image';

const f = Math.fround;
const R = f(0.299);
const G = f(0.587);
const B = f(0.114);

/** Fill `out` (outWidth x outHeight, row-major) with the luma of the nearest source pixels. */
export function lumaNearest(image: RawImage, out: Float32Array, outWidth: number, outHeight: number): void {
  const { data, width, channels } = image;
  const xs = nearestIndices(width, outWidth);
  const ys = nearestIndices(image.height, outHeight);
  for (let x = 0; x < outWidth; x++) xs[x] *= channels;
  for (let y = 0; y < outHeight; y++) {
    const row = ys[y] * width * channels;
    const o = y * outWidth;
    if (channels === 1) {
      for (let x = 0; x < outWidth; x++) out[o + x] = data[row + xs[x]];
    } else {
      for (let x = 0; x < outWidth; x++) {
        const i = row + xs[x];
        out[o + x] = f(f(R * data[i]) + f(G * data[i + 1])) + f(B * data[i + 2]);
      }
    }
  }
}
