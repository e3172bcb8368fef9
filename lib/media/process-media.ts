/**
 * Turns fetched bytes into what the app stores about a media file: real type, hashes, geometry and a safe
 * preview, without the PDQ hash. The work is prepareMedia's (one decode per image); this is its hash-less view.
 */
import { prepareMedia, type ProcessedMedia, type ProcessOptions } from './prepare-media';

export type { PreviewKind, ProcessedMedia, ProcessOptions } from './prepare-media';

export async function processMedia(buf: Buffer, opts: ProcessOptions): Promise<ProcessedMedia> {
  const { pdq: _pdq, preShrunk: _preShrunk, ...processed } = await prepareMedia(buf, { ...opts, hash: false });
  return processed;
}
