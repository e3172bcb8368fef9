/**
 * The manifest's byte form: JSON with sorted keys and no whitespace, UTF-8. Postgres jsonb reorders keys, so the
 * stored manifest is hashed (and exported) in this form, never as the database returns it. The audit chain's
 * canonicalJson is reused: one canonical form in the app.
 */
import crypto from 'node:crypto';
import { canonicalJson } from '@/lib/audit/chain';

export { canonicalJson };

export function canonicalBytes(value: unknown): Buffer {
  return Buffer.from(canonicalJson(value), 'utf8');
}

export function sha256Hex(data: Buffer | string): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** manifestSha256 = sha256(canonicalJson(manifest)). */
export function manifestHash(manifest: unknown): string {
  return sha256Hex(canonicalBytes(manifest));
}
