import { createHash } from 'node:crypto';

/** Exact-match digests stored beside the perceptual hash (banks carry either kind). */
export function digestBuffer(buf: Uint8Array): { md5: string; sha256: string } {
  return {
    md5: createHash('md5').update(buf).digest('hex'),
    sha256: createHash('sha256').update(buf).digest('hex'),
  };
}
