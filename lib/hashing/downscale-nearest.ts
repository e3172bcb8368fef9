/**
 * The reference (CImg `resize(512, 512)`, nearest neighbour, aspect ignored) shrinks big images before hashing.
 * sharp's kernels pick different source pixels, so the sampling is done here: source = floor(dst * size / 512).
 */
import type { RawImage } from './raw-image';

export const PDQ_MAX_SIDE = 512;

export function needsDownscale(width: number, height: number): boolean {
  return width > PDQ_MAX_SIDE || height > PDQ_MAX_SIDE;
}

export function downscaleNearest(src: RawImage, size = PDQ_MAX_SIDE): RawImage {
  const { width, height, channels, data } = src;
  const out = new Uint8Array(size * size * channels);
  // Integer arithmetic keeps floor(x * W / size) exact for any realistic W.
  const xOffsets = new Int32Array(size);
  for (let x = 0; x < size; x++) xOffsets[x] = Math.floor((x * width) / size) * channels;
  let o = 0;
  for (let y = 0; y < size; y++) {
    const rowStart = Math.floor((y * height) / size) * width * channels;
    if (channels === 1) {
      for (let x = 0; x < size; x++) out[o++] = data[rowStart + xOffsets[x]];
    } else {
      for (let x = 0; x < size; x++) {
        const i = rowStart + xOffsets[x];
        out[o++] = data[i];
        out[o++] = data[i + 1];
        out[o++] = data[i + 2];
      }
    }
  }
  return { data: out, width: size, height: size, channels };
}
