/**
 * PDQ from pixels decoded for other purposes too (the media pipeline decodes once, alpha kept, for both the hash
 * and the preview). Bit-exact with decodeForPdq + pdqFromRgb: alpha is dropped, "grey" is decided over every
 * pixel of the whole image (as ImageMagick does before writing a PGM), and an image with a side over 512 is
 * sampled to 512x512 with the very indices pdqFromRgb would use, so only 512x512 pixels are ever copied.
 */
import { nearestIndices, pdqWorkingSize } from './downscale-nearest';
import { pdqFromRgb, type PdqResult } from './pdq';
import type { RawImage } from './raw-image';

export interface Pixels {
  data: Uint8Array;
  width: number;
  height: number;
  /** 1 grey, 2 grey + alpha, 3 RGB, 4 RGBA; 8 bits each, interleaved. */
  channels: 1 | 2 | 3 | 4;
}

export function pdqFromPixels(pixels: Pixels): PdqResult {
  return pdqFromRgb(toPdqInput(pixels));
}

/** The 1- or 3-channel image pdqFromRgb hashes identically to the full decode. */
export function toPdqInput(pixels: Pixels): RawImage {
  const { data, width, height, channels } = pixels;
  const colour = channels >= 3;
  const outChannels = colour && !isAllGrey(data, channels) ? 3 : 1;
  if (channels === outChannels) return { data, width, height, channels: outChannels };
  const size = pdqWorkingSize(width, height);
  const sampled = size.width !== width || size.height !== height;
  const xs = sampled ? nearestIndices(width, size.width) : identity(width);
  const ys = sampled ? nearestIndices(height, size.height) : identity(height);
  const out = new Uint8Array(size.width * size.height * outChannels);
  let o = 0;
  for (let y = 0; y < size.height; y++) {
    const row = ys[y] * width;
    for (let x = 0; x < size.width; x++) {
      const i = (row + xs[x]) * channels;
      out[o++] = data[i];
      if (outChannels === 3) {
        out[o++] = data[i + 1];
        out[o++] = data[i + 2];
      }
    }
  }
  return { data: out, width: size.width, height: size.height, channels: outChannels };
}

function identity(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** Colour photos exit on the first few pixels; alpha is ignored. */
function isAllGrey(data: Uint8Array, channels: number): boolean {
  for (let i = 0; i < data.length; i += channels) {
    const r = data[i];
    if (r !== data[i + 1] || r !== data[i + 2]) return false;
  }
  return true;
}
