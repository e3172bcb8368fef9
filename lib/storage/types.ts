/**
 * The storage interface for media, previews and evidence. Keys are opaque, validated paths such as
 * `media/<instance>/<sha256>`; drivers (local folder now, S3 later) must refuse anything else.
 */
export interface BlobStore {
  put(key: string, data: Buffer): Promise<void>;
  /** null when the key does not exist. */
  get(key: string): Promise<Buffer | null>;
  /** Idempotent: deleting a missing key is not an error (purges are retried). */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}
