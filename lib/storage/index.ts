/**
 * The media store the app uses: encrypted, under STORAGE_DIR or <DATA_DIR>/media, with its own subkey.
 */
import path from 'node:path';
import { deriveKey } from '@/lib/crypto/master-key';
import { dataDir, env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { createEncryptedStore } from './encrypted-store';
import { createLocalStore } from './local-store';
import type { BlobStore } from './types';

export type { BlobStore } from './types';

export async function getMediaStore(): Promise<BlobStore> {
  const config = env();
  if (config.STORAGE_DRIVER === 's3') {
    throw new AppError('unsupported', 'storage: the s3 driver is not available yet', {
      userMessage: 'S3 storage is not available yet. Set STORAGE_DRIVER=local.',
      status: 500,
    });
  }
  const root = config.STORAGE_DIR ? path.resolve(config.STORAGE_DIR) : path.join(dataDir(), 'media');
  return createEncryptedStore(createLocalStore(root), await deriveKey('media'));
}
