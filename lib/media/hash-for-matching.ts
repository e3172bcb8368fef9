/** PDQ for every fetched image (lib/hashing); a hashing failure never fails the media job. */
import { pdqHashBuffer } from '@/lib/hashing/pdq';
import { logger } from '@/lib/log/logger';

const log = logger('media');

export async function hashMediaForMatching(buf: Buffer, maxPixels: number): Promise<{ hash: string; quality: number } | null> {
  try {
    const out = await pdqHashBuffer(buf, { limitInputPixels: maxPixels });
    return { hash: out.hash, quality: out.quality };
  } catch (e) {
    log.warn('pdq hashing failed', { error: e instanceof Error ? e.message : String(e) });
    return null;
  }
}
