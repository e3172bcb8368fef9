/**
 * Blob keys become file paths (local driver) and object names (S3), so they are restricted to a small
 * alphabet, and '..' is refused outright rather than resolved: a key can never name anything outside the store.
 */
import { AppError } from '@/lib/errors';

const KEY_PATTERN = /^[a-z0-9_\-.]+(\/[a-z0-9_\-.]+)*$/;
const MAX_KEY_LENGTH = 512;

export function assertValidBlobKey(key: string): void {
  const valid =
    key.length > 0 &&
    key.length <= MAX_KEY_LENGTH &&
    KEY_PATTERN.test(key) &&
    !key.includes('..') &&
    key.split('/').every((segment) => segment !== '.');
  if (!valid) throw new AppError('bad_request', 'storage: invalid blob key', { details: { key: key.slice(0, 80) } });
}
