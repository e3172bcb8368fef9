/**
 * PDQ text form and word layouts.
 *
 * Bit k of the 256-bit hash lives in 16-bit word k >> 4 at position k & 15; the 64 hex characters print word 15
 * first, so the text is a big-endian 256-bit number (as Meta's tools print it). The matcher packs two 16-bit words
 * per uint32 (word 2m in the low half of uint32 m) so popcounts run 32 bits at a time.
 */
import { popcount32 } from './popcount';

export const PDQ_HEX_LENGTH = 64;
const HEX_RE = /^[0-9a-f]{64}$/i;

export function isPdqHex(value: string): boolean {
  return HEX_RE.test(value);
}

function assertHex(hex: string): void {
  if (!HEX_RE.test(hex)) throw new Error('PDQ hash must be 64 hex characters');
}

export function hexToWords16(hex: string, out: Uint16Array = new Uint16Array(16)): Uint16Array {
  assertHex(hex);
  for (let w = 0; w < 16; w++) {
    const start = (15 - w) * 4;
    out[w] = parseInt(hex.slice(start, start + 4), 16);
  }
  return out;
}

export function hexToWords32(hex: string, out: Uint32Array = new Uint32Array(8)): Uint32Array {
  assertHex(hex);
  for (let m = 0; m < 8; m++) {
    const start = (7 - m) * 8;
    out[m] = parseInt(hex.slice(start, start + 8), 16);
  }
  return out;
}

export function words16ToHex(words: ArrayLike<number>): string {
  let s = '';
  for (let w = 15; w >= 0; w--) s += (words[w] & 0xffff).toString(16).padStart(4, '0');
  return s;
}

export function words32ToHex(words: ArrayLike<number>): string {
  let s = '';
  for (let m = 7; m >= 0; m--) s += (words[m] >>> 0).toString(16).padStart(8, '0');
  return s;
}

export function words16ToWords32(words: ArrayLike<number>, out: Uint32Array = new Uint32Array(8)): Uint32Array {
  for (let m = 0; m < 8; m++) out[m] = ((words[2 * m] & 0xffff) | (words[2 * m + 1] << 16)) >>> 0;
  return out;
}

export function toWords32(hash: string | Uint32Array): Uint32Array {
  if (typeof hash === 'string') return hexToWords32(hash);
  if (hash.length !== 8) throw new Error('PDQ hash words must be 8 x uint32');
  return hash;
}

/** Bits that differ between two hashes (0..256). */
export function hammingDistance(a: string | Uint32Array, b: string | Uint32Array): number {
  const x = toWords32(a);
  const y = toWords32(b);
  let d = 0;
  for (let m = 0; m < 8; m++) d += popcount32(x[m] ^ y[m]);
  return d;
}
