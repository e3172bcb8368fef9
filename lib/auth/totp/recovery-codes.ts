/**
 * One-time recovery codes: xxxx-xxxx-xxxx from Crockford's 32-symbol alphabet (no i, l, o, u), 60 random bits each.
 * Typed input is normalized the Crockford way (o→0, i/l→1, any case, dashes and spaces ignored), so the look-alikes
 * a person might misread cannot make a right code fail. Stored only as SHA-256: 60 random bits need no slow hash.
 */
import crypto from 'node:crypto';

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export function generateRecoveryCode(): string {
  // 32 symbols: 5 bits of each random byte, no modulo bias.
  const chars = [...crypto.randomBytes(12)].map((b) => ALPHABET[b & 31]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, generateRecoveryCode);
}

export function normalizeRecoveryCode(input: string): string | null {
  const s = input.toLowerCase().replace(/[\s-]/g, '').replace(/o/g, '0').replace(/[il]/g, '1');
  return /^[0-9a-hjkmnp-tv-z]{12}$/.test(s) ? s : null;
}

/** null when the input cannot be a recovery code at all (then it matches nothing). */
export function hashRecoveryCode(input: string): string | null {
  const normalized = normalizeRecoveryCode(input);
  return normalized ? crypto.createHash('sha256').update(normalized).digest('hex') : null;
}
