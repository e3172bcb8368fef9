/**
 * Luma exactly as the reference computes it in float32: 0.299f*R + 0.587f*G + 0.114f*B, summed left to right.
 * Per-channel products are tabulated (a float32 times a byte is exact in float64, then rounded once).
 */
import type { RawImage } from './raw-image';

const f = Math.fround;
const LUMA_R = new Float64Array(256);
const LUMA_G = new Float64Array(256);
const LUMA_B = new Float64Array(256);
for (let v = 0; v < 256; v++) {
  LUMA_R[v] = f(f(0.299) * v);
  LUMA_G[v] = f(f(0.587) * v);
  LUMA_B[v] = f(f(0.114) * v);
}

export function lumaFromImage(image: RawImage, out: Float32Array): void {
  const { data, channels } = image;
  const n = image.width * image.height;
  if (channels === 1) {
    for (let i = 0; i < n; i++) out[i] = data[i];
    return;
  }
  for (let i = 0, j = 0; i < n; i++, j += 3) {
    out[i] = f(LUMA_R[data[j]] + LUMA_G[data[j + 1]]) + LUMA_B[data[j + 2]];
  }
}
