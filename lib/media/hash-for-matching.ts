/**
 * PDQ for every fetched image (lib/hashing), with its 8 dihedral hashes so later rematches never need the image
 * again. A hashing failure never fails the media job.
 */
import { pdqHashBuffer, type DihedralHashes } from '@/lib/hashing/pdq';
import { logger } from '@/lib/log/logger';

const log = logger('media');

export interface MatchingHashes { hash: string; quality: number; dihedral: DihedralHashes }

export async function hashMediaForMatching(buf: Buffer, maxPixels: number): Promise<MatchingHashes | null> {
  try {
    const out = await pdqHashBuffer(buf, { limitInputPixels: maxPixels });
    return { hash: out.hash, quality: out.quality, dihedral: out.dihedral };
  } catch (e) {
    log.warn('pdq hashing failed', { error: e instanceof Error ? e.message : String(e) });
    return null;
  }
}
