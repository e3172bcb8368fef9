/** Synthetic hashes for the matching tests (random bits, nothing derived from real images). */
import { hexToWords32, words32ToHex } from '../hashing/hex';

export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s ^= s >>> 17; s ^= s << 5;
    return s >>> 0;
  };
}

export function randomHash(next: () => number): string {
  return words32ToHex(Uint32Array.from({ length: 8 }, next));
}

/** `hex` with exactly the first `k` bits (spread over every slot) flipped: at distance k. */
export function flipBits(hex: string, k: number): string {
  const words = hexToWords32(hex);
  for (let i = 0; i < k; i++) {
    const bit = (i % 16) * 16 + Math.floor(i / 16);
    words[bit >>> 5] ^= 1 << (bit & 31);
  }
  return words32ToHex(words);
}

export const md5Of = (n: number) => n.toString(16).padStart(32, '0');
export const sha256Of = (n: number) => n.toString(16).padStart(64, 'a');
