/**
 * BlobStore on S3 or any S3-compatible server (MinIO, Ceph, R2...). What it receives is already sealed by the
 * encrypted store; the bucket's server-side encryption is a second layer (at-rest on the provider's disks), so
 * a leaked bucket without our key still shows nothing. Large blobs go up as multipart uploads (lib-storage), so
 * no single request carries more than one part.
 */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
  S3ServiceException,
  type ServerSideEncryption,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { assertValidBlobKey } from './blob-key';
import type { BlobStore } from './types';

export interface S3StoreOptions {
  bucket: string;
  region: string;
  endpoint?: string;
  /** MinIO and most self-hosted servers need path-style URLs (http://host/bucket/key). */
  forcePathStyle?: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  sse: 'AES256' | 'aws:kms' | 'none';
  kmsKeyId?: string;
  /** Object names are `<prefix><blob key>`; '' or folders ending in '/'. */
  prefix?: string;
  /** Part size of multipart uploads (S3's minimum is 5 MiB); smaller blobs go up in one PutObject. */
  partSize?: number;
  /** Parts uploaded at once per blob: bounds the memory a large upload holds. */
  queueSize?: number;
}

export const DEFAULT_PART_SIZE = 8 * 1024 * 1024;

export function createS3Client(opts: S3StoreOptions): S3Client {
  return new S3Client({
    region: opts.region,
    endpoint: opts.endpoint,
    forcePathStyle: opts.forcePathStyle ?? false,
    credentials: opts.credentials,
    // Checksums only where S3 requires them: several S3-compatible servers reject the newer flexible-checksum
    // trailers, and TLS plus the AES-GCM tag of every blob already detect corruption.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

function isMissing(e: unknown): boolean {
  if (!(e instanceof S3ServiceException)) return false;
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata.httpStatusCode === 404;
}

function encryptionParams(opts: S3StoreOptions): { ServerSideEncryption?: ServerSideEncryption; SSEKMSKeyId?: string } {
  if (opts.sse === 'none') return {};
  if (opts.sse === 'aws:kms') return { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: opts.kmsKeyId };
  return { ServerSideEncryption: 'AES256' };
}

export function createS3Store(opts: S3StoreOptions, client: S3Client = createS3Client(opts)): BlobStore {
  const prefix = opts.prefix ?? '';
  const objectKey = (key: string) => {
    assertValidBlobKey(key);
    return `${prefix}${key}`;
  };

  return {
    async put(key, data) {
      // A blob under one part goes up as a single PutObject; larger ones as a multipart upload that lib-storage
      // aborts on failure, so no orphaned parts are left billed.
      const upload = new Upload({
        client,
        params: { Bucket: opts.bucket, Key: objectKey(key), Body: data, ContentType: 'application/octet-stream', ...encryptionParams(opts) },
        partSize: opts.partSize ?? DEFAULT_PART_SIZE,
        queueSize: opts.queueSize ?? 2,
        leavePartsOnError: false,
      });
      await upload.done();
    },

    async get(key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: opts.bucket, Key: objectKey(key) }));
        if (!out.Body) return null;
        return Buffer.from(await out.Body.transformToByteArray());
      } catch (e) {
        if (isMissing(e)) return null;
        throw e;
      }
    },

    async delete(key) {
      // S3 answers 204 for a missing key too, which is the idempotence the interface asks for.
      await client.send(new DeleteObjectCommand({ Bucket: opts.bucket, Key: objectKey(key) }));
    },

    async exists(key) {
      try {
        await client.send(new HeadObjectCommand({ Bucket: opts.bucket, Key: objectKey(key) }));
        return true;
      } catch (e) {
        if (isMissing(e)) return false;
        throw e;
      }
    },
  };
}
