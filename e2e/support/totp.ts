/**
 * The test's own RFC 6238 code generator (SHA-1, 6 digits, 30 s), independent of the app's lib/auth/totp: a test
 * that used the app's code to make codes would pass with the app's bugs.
 */
import crypto from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=-]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const idx = ALPHABET.indexOf(ch);
    if (idx < 0) throw new Error(`not base32: ${ch}`);
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The code for time step `step` (default: the current one; `offset` moves it, e.g. +1 for the next window). */
export function totpCode(secretBase32: string, opts: { offset?: number; now?: number } = {}): string {
  const step = Math.floor((opts.now ?? Date.now()) / 30_000) + (opts.offset ?? 0);
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = crypto.createHmac('sha1', base32Decode(secretBase32)).update(counter).digest();
  const at = mac[mac.length - 1] & 0x0f;
  const bin = ((mac[at] & 0x7f) << 24) | (mac[at + 1] << 16) | (mac[at + 2] << 8) | mac[at + 3];
  return String(bin % 1_000_000).padStart(6, '0');
}
