/**
 * RFC 4226 HOTP and RFC 6238 TOTP (SHA-1, 6 digits, 30-second steps): what every authenticator app speaks. Pure and
 * dependency-free (node:crypto only) so it is tested against the RFC's own vectors. Secrets travel as RFC 4648
 * base32 without padding, the form authenticator apps read from otpauth:// URIs.
 */
import crypto from 'node:crypto';

export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;
const SECRET_BYTES = 20; // 160 bits: RFC 4226's recommended length for SHA-1
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1; // keep only the unread bits so `value` never overflows
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** Lenient about case, spaces and padding (people type secrets by hand); null for anything else. */
export function base32Decode(text: string): Buffer | null {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  if (!/^[A-Z2-7]*$/.test(clean)) return null;
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    value = (value << 5) | BASE32.indexOf(ch);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
    value &= (1 << bits) - 1;
  }
  return Buffer.from(out);
}

export function generateTotpSecret(): string {
  return base32Encode(crypto.randomBytes(SECRET_BYTES));
}

/** RFC 4226 section 5.3: HMAC-SHA-1 of the 8-byte big-endian counter, dynamic truncation, `digits` decimal digits. */
export function hotp(key: Buffer, counter: number, digits = TOTP_DIGITS): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = crypto.createHmac('sha1', key).update(msg).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

export function totpStep(now: Date | number): number {
  return Math.floor((typeof now === 'number' ? now : now.getTime()) / 1000 / TOTP_STEP_SECONDS);
}

export function totpAt(secret: string, step: number, digits = TOTP_DIGITS): string {
  const key = base32Decode(secret);
  if (!key) throw new Error('totp: secret is not base32');
  return hotp(key, step, digits);
}

/**
 * The step (now-1..now+1, for clock drift and slow typing) whose code equals `code`, ignoring replay: callers that
 * must tell "wrong" from "already used" compare it with the last accepted step. Never throws for any input.
 */
export function findTotpStep(secret: string, code: unknown, now: Date | number): number | null {
  if (typeof code !== 'string') return null;
  const digits = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(digits)) return null;
  const key = base32Decode(secret);
  if (!key || key.length === 0) return null;
  const current = totpStep(now);
  for (const step of [current - 1, current, current + 1]) {
    if (step < 0) continue;
    if (crypto.timingSafeEqual(Buffer.from(hotp(key, step)), Buffer.from(digits))) return step;
  }
  return null;
}

/** The matched step, only when it is newer than `lastStep`: a code is accepted once, and never an older one. */
export function verifyTotp(secret: string, code: unknown, now: Date | number, lastStep: number | null): number | null {
  const step = findTotpStep(secret, code, now);
  if (step === null) return null;
  return lastStep === null || step > lastStep ? step : null;
}

export const TOTP_ISSUER = 'Fedimod';

export function otpauthUri(email: string, secret: string): string {
  const label = `${encodeURIComponent(TOTP_ISSUER)}:${encodeURIComponent(email)}`;
  return `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(TOTP_ISSUER)}&algorithm=SHA1&digits=${TOTP_DIGITS}&period=${TOTP_STEP_SECONDS}`;
}
