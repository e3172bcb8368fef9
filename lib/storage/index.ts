/**
 * The media store the app uses: encrypted with its own subkey, under STORAGE_DIR or <DATA_DIR>/media, or in an S3
 * bucket (STORAGE_DRIVER=s3, S3_* settings).
 */
import path from 'node:path';
import { deriveKey } from '@/lib/crypto/master-key';
import { dataDir, env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { createEncryptedStore } from './encrypted-store';
import { createLocalStore } from './local-store';
import { createS3Store } from './s3-store';
import type { BlobStore } from './types';

export type { BlobStore } from './types';

let s3Inner: { signature: string; store: BlobStore } | null = null;

/** One S3 client per process (it pools connections); rebuilt only if the configuration changed. */
export function s3Store(): BlobStore {
  const config = env();
  if (!config.S3_BUCKET) {
    throw new AppError('unsupported', 'storage: STORAGE_DRIVER=s3 needs S3_BUCKET', {
      userMessage: 'S3 storage is not configured: set S3_BUCKET (and S3_ENDPOINT, S3_REGION, credentials as needed).',
      status: 500,
    });
  }
  const credentials = config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
    ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY }
    : undefined;
  const options = {
    bucket: config.S3_BUCKET, region: config.S3_REGION, endpoint: config.S3_ENDPOINT, forcePathStyle: config.S3_FORCE_PATH_STYLE,
    credentials, sse: config.S3_SSE, kmsKeyId: config.S3_SSE_KMS_KEY_ID, prefix: config.S3_PREFIX,
  };
  const signature = JSON.stringify(options);
  if (s3Inner?.signature !== signature) s3Inner = { signature, store: createS3Store(options) };
  return s3Inner.store;
}

export async function getMediaStore(): Promise<BlobStore> {
  const config = env();
  if (config.STORAGE_DRIVER === 's3') return createEncryptedStore(s3Store(), await deriveKey('media'));
  const root = config.STORAGE_DIR ? path.resolve(config.STORAGE_DIR) : path.join(dataDir(), 'media');
  return createEncryptedStore(createLocalStore(root), await deriveKey('media'));
}
