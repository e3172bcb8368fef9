/**
 * Distance between a query (8 x uint32) and entry `entry` of a packed words array, giving up as soon as it exceeds
 * `limit`: a random candidate is rejected after half the words, which halves the matcher's verify cost.
 * Returns a value > limit when rejected.
 */
import { popcount32 } from '../hashing/popcount';

export function distanceWithin(words: Uint32Array, entry: number, q: Uint32Array, limit: number): number {
  const b = entry << 3;
  const d =
    popcount32(q[0] ^ words[b]) + popcount32(q[1] ^ words[b + 1]) +
    popcount32(q[2] ^ words[b + 2]) + popcount32(q[3] ^ words[b + 3]);
  if (d > limit) return d;
  return d +
    popcount32(q[4] ^ words[b + 4]) + popcount32(q[5] ^ words[b + 5]) +
    popcount32(q[6] ^ words[b + 6]) + popcount32(q[7] ^ words[b + 7]);
}

/** Slot s (0..15) of a hash is its 16-bit word s: the low or high half of uint32 s >> 1. */
export function slotValue(words: Uint32Array, base: number, slot: number): number {
  return (words[base + (slot >> 1)] >>> ((slot & 1) << 4)) & 0xffff;
}
