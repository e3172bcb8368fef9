/**
 * SWAR popcount: JS has no popcnt intrinsic, and this form JITs to a dozen integer ops with no table lookups
 * (tables cost cache lines in the matcher's hot loop).
 */
export function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
