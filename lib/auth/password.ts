/**
 * Password hashing with scrypt from node:crypto (no native dependency). The stored string describes its own
 * parameters (`scrypt$N$r$p$salt$hash`), so the cost can be raised later without breaking existing hashes.
 */
import crypto from 'node:crypto';

export const PASSWORD_MIN_LENGTH = 12;
/** scrypt's cost barely depends on length, but an upper bound keeps request bodies and work predictable. */
export const PASSWORD_MAX_LENGTH = 256;

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

interface Params { N: number; r: number; p: number }

function derive(password: string, salt: Buffer, keylen: number, params: Params): Promise<Buffer> {
  // scrypt needs 128*N*r bytes; Node's default maxmem (32 MiB) is exactly that for N=2^15, r=8 and refuses it.
  const maxmem = 256 * params.N * params.r;
  return new Promise((resolve, reject) => {
    crypto.scrypt(normalize(password), salt, keylen, { ...params, maxmem }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** NFKC so the same password typed on different keyboards/OSes hashes the same (NIST SP 800-63B). */
function normalize(password: string): string {
  return password.normalize('NFKC');
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, KEY_LENGTH, { N, r: R, p: P });
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Bounds on stored parameters, so a tampered or corrupt hash cannot make one verify cost gigabytes. */
function parse(stored: string): { params: Params; salt: Buffer; hash: Buffer } | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [n, r, p] = parts.slice(1, 4).map((v) => Number.parseInt(v, 10));
  const powerOfTwo = n > 1 && (n & (n - 1)) === 0;
  if (!powerOfTwo || n > 2 ** 20 || !(r >= 1 && r <= 32) || !(p >= 1 && p <= 16)) return null;
  const salt = Buffer.from(parts[4], 'base64');
  const hash = Buffer.from(parts[5], 'base64');
  if (salt.length < 8 || hash.length < 16 || hash.length > 128) return null;
  return { params: { N: n, r, p }, salt, hash };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.hash.length, parsed.params);
  return crypto.timingSafeEqual(key, parsed.hash);
}

let dummyHash: Promise<string> | null = null;

/**
 * Runs a full verify against a throwaway hash and always fails: used when the email is unknown, so the
 * response time does not tell an attacker which emails have accounts.
 */
export async function dummyVerify(password: string): Promise<false> {
  dummyHash ??= hashPassword(crypto.randomBytes(24).toString('base64'));
  await verifyPassword(password, await dummyHash);
  return false;
}

/** A random password for accounts created from the CLI without one (shown once to the operator). */
export function generatePassword(): string {
  return crypto.randomBytes(18).toString('base64url');
}
