/**
 * When an image is too big to decode at full size. The reference hashes every image through a 512x512
 * nearest-neighbour sample, so a full decode is wasted on anything much larger; but any pre-shrink (JPEG/WebP
 * shrink-on-load, a resampling kernel) averages pixels instead of picking them, and that moves the hash by a few
 * bits. So the full decode stays, bit-exact, up to FULL_DECODE_MAX_PIXELS (4096x4096, above every reference
 * vector: the largest is 4032x3024 = 12.2 Mpx); above it the image is shrunk while it is decoded to at most
 * PRESHRINK_MAX_SIDE per side, and memory stays flat whatever the declared size.
 */
export const FULL_DECODE_MAX_PIXELS = 4096 * 4096;
export const PRESHRINK_MAX_SIDE = 1024;

/** The decode size (each side shrunk independently, aspect ignored as PDQ itself ignores it), or null for full. */
export function preShrinkSize(width: number, height: number, threshold = FULL_DECODE_MAX_PIXELS): { width: number; height: number } | null {
  if (width * height <= threshold) return null;
  return { width: Math.min(width, PRESHRINK_MAX_SIDE), height: Math.min(height, PRESHRINK_MAX_SIDE) };
}
