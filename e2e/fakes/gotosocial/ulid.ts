/**
 * Deterministic ULIDs, GoToSocial's id format: 10 characters of time, 16 of randomness (Crockford base32).
 * Time comes from a counter, not the clock, so ids sort in creation order and are identical on every run.
 */
import type { Rng } from '../prng';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE_MS = Date.UTC(2025, 0, 1);

export function makeUlid(serial: number, rng: Rng): string {
  let time = BASE_MS + serial * 1000;
  let head = '';
  for (let i = 0; i < 10; i++) {
    head = ALPHABET[time % 32] + head;
    time = Math.floor(time / 32);
  }
  let tail = '';
  for (let i = 0; i < 16; i++) tail += ALPHABET[Math.floor(rng() * 32)];
  return head + tail;
}
