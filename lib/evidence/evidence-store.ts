/**
 * Where sealed evidence lives: the media store's driver (local folder or S3 bucket), but encrypted with its own
 * subkey, so a leaked media key opens no evidence. Keys are evidence/<evidenceId>/<n>, beside media/… keys.
 */
import path from 'node:path';
import { deriveKey } from '@/lib/crypto/master-key';
import { dataDir, env } from '@/lib/env';
import { createEncryptedStore } from '@/lib/storage/encrypted-store';
import { s3Store, type BlobStore } from '@/lib/storage';
import { createLocalStore } from '@/lib/storage/local-store';

export function evidenceKey(evidenceId: string, n: number): string {
  return `evidence/${evidenceId}/${n}`;
}

/** The unencrypted layer (what is on disk or in the bucket): tests tamper with it; the app never uses it. */
export function evidenceInnerStore(): BlobStore {
  const config = env();
  if (config.STORAGE_DRIVER === 's3') return s3Store();
  return createLocalStore(config.STORAGE_DIR ? path.resolve(config.STORAGE_DIR) : path.join(dataDir(), 'media'));
}

export async function getEvidenceStore(): Promise<BlobStore> {
  return createEncryptedStore(evidenceInnerStore(), await deriveKey('evidence'));
}
