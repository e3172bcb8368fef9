/**
 * Wraps any BlobStore so that what reaches the disk (or the bucket) is AES-256-GCM sealed.
 * The blob key is the AAD: a file copied or renamed to another key fails to open instead of
 * silently serving the wrong media.
 */
import { open, seal } from '@/lib/crypto/secret-box';
import { assertValidBlobKey } from './blob-key';
import type { BlobStore } from './types';

export function createEncryptedStore(inner: BlobStore, key: Buffer): BlobStore {
  return {
    async put(blobKey, data) {
      assertValidBlobKey(blobKey);
      await inner.put(blobKey, seal(data, key, blobKey));
    },
    async get(blobKey) {
      assertValidBlobKey(blobKey);
      const sealed = await inner.get(blobKey);
      return sealed === null ? null : open(sealed, key, blobKey);
    },
    delete: (blobKey) => inner.delete(blobKey),
    exists: (blobKey) => inner.exists(blobKey),
  };
}
