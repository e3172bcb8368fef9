/**
 * Authenticated encryption for secrets at rest (instance tokens) and stored media: AES-256-GCM.
 *
 * Format: [version 1 byte][IV 12 bytes][tag 16 bytes][ciphertext]. The version byte lets a later format
 * (another cipher, a key id) coexist with rows sealed today; it is also authenticated (part of the AAD),
 * so nobody can relabel a box. A fresh random IV per seal: with 96-bit IVs, collisions stay negligible
 * far beyond the number of objects this app will ever seal under one key.
 */
import crypto from 'node:crypto';
import { AppError } from '@/lib/errors';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;
const ALGORITHM = 'aes-256-gcm';

function assertKey(key: Buffer): void {
  if (key.length !== 32) throw new AppError('internal', 'secret-box: key must be 32 bytes');
}

// Binding the version into the AAD means the header cannot be swapped without failing authentication.
function additionalData(version: number, aad: string | undefined): Buffer {
  return Buffer.concat([Buffer.from([version]), Buffer.from(aad ?? '', 'utf8')]);
}

export function seal(plaintext: Buffer | string, key: Buffer, aad?: string): Buffer {
  assertKey(key);
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(VERSION, aad));
  const data = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
  const ciphertext = Buffer.concat([cipher.update(data), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), ciphertext]);
}

/** Throws AppError('internal') on any mismatch (tampering, wrong key, wrong AAD) without saying which. */
export function open(sealed: Buffer, key: Buffer, aad?: string): Buffer {
  assertKey(key);
  if (sealed.length < HEADER_BYTES) throw new AppError('internal', 'secret-box: sealed data is truncated');
  const version = sealed[0];
  if (version !== VERSION) throw new AppError('internal', `secret-box: unknown format version ${version}`);
  const iv = sealed.subarray(1, 1 + IV_BYTES);
  const tag = sealed.subarray(1 + IV_BYTES, HEADER_BYTES);
  try {
    const decipher = crypto.createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(additionalData(version, aad));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed.subarray(HEADER_BYTES)), decipher.final()]);
  } catch (cause) {
    throw new AppError('internal', 'secret-box: authentication failed', { cause });
  }
}

/** For text columns: base64 of the sealed bytes. */
export function sealString(plaintext: string, key: Buffer, aad?: string): string {
  return seal(plaintext, key, aad).toString('base64');
}

export function openString(sealedBase64: string, key: Buffer, aad?: string): string {
  return open(Buffer.from(sealedBase64, 'base64'), key, aad).toString('utf8');
}
