/**
 * Everything the media job needs from fetched bytes, with each image decoded once: real type (sniffed from the
 * bytes), digests, geometry, the PDQ hashes for matching and the blurred preview. The header is read first
 * (decompression bombs are refused before any pixel exists), the decode's peak memory is reserved from the
 * process-wide budget, and big images are shrunk while decoding. Pure apart from CPU and that budget.
 */
import crypto from 'node:crypto';
import { AppError } from '@/lib/errors';
import { pdqFromPixels } from '@/lib/hashing/pdq-pixels';
import { logger } from '@/lib/log/logger';
import { makeBlurredPreviewFromPixels } from './blurred-preview';
import { decodeImage, estimateDecodeBytes } from './decode-image';
import type { MatchingHashes } from './hash-for-matching';
import { readImageInfo } from './image-info';
import { formatBytes, renderMediaCard } from './media-card';
import { mediaMemoryBudget, type MemoryBudget } from './memory-budget';
import { sniffType, type MediaKind } from './sniff';

const log = logger('media');

/** 'video-card' is the card for any time-based media (video or audio); nothing of it is decoded. */
export type PreviewKind = 'blurred-image' | 'video-card' | 'unsupported-card';

export interface ProcessedMedia {
  mime: string;
  kind: MediaKind;
  bytes: number;
  sha256: string;
  md5: string;
  /** null when the file is not decoded (video, audio, unsupported image formats). */
  width: number | null;
  height: number | null;
  frames?: number;
  preview: Buffer;
  previewMime: 'image/webp';
  previewKind: PreviewKind;
}

export interface PreparedMedia extends ProcessedMedia {
  /** PDQ of the first frame; null for what is not decoded, when hashing was not asked for, or if it failed. */
  pdq: MatchingHashes | null;
  /** The image was shrunk while decoding (over 16.7 Mpx): its hash is near the reference's, not bit-equal. */
  preShrunk: boolean;
}

export interface ProcessOptions {
  maxPixels: number;
  previewSize?: number;
  blurSigma?: number;
  grayscale?: boolean;
}

export interface PrepareOptions extends ProcessOptions {
  /** Default true. */
  hash?: boolean;
  /** Default: the process-wide budget (MEDIA_MEMORY_BUDGET_MB). */
  budget?: MemoryBudget;
}

// What this sharp build decodes. HEIC needs an HEVC decoder that is not shipped; BMP is not supported by libvips.
const DECODABLE_IMAGES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif', 'image/tiff']);

function digest(algorithm: 'sha256' | 'md5', buf: Buffer): string {
  return crypto.createHash(algorithm).update(buf).digest('hex');
}

export async function prepareMedia(buf: Buffer, opts: PrepareOptions): Promise<PreparedMedia> {
  const { mime, kind } = sniffType(buf);
  if (kind === 'unknown') throw new AppError('invalid_media', 'media: unrecognised file type');
  const base = {
    mime, kind, bytes: buf.length, sha256: digest('sha256', buf), md5: digest('md5', buf), previewMime: 'image/webp' as const,
    pdq: null, preShrunk: false,
  };

  if (kind === 'video' || kind === 'audio') {
    const title = kind === 'video' ? 'Video — not previewed' : 'Audio — not previewed';
    const preview = await renderMediaCard(title, `${mime} · ${formatBytes(buf.length)}`);
    return { ...base, width: null, height: null, preview, previewKind: 'video-card' };
  }

  if (!DECODABLE_IMAGES.has(mime)) {
    const preview = await renderMediaCard('Image — not previewed', `${mime} · ${formatBytes(buf.length)}`);
    return { ...base, width: null, height: null, preview, previewKind: 'unsupported-card' };
  }

  const info = await readImageInfo(buf, opts.maxPixels);
  const release = await (opts.budget ?? mediaMemoryBudget()).reserve(estimateDecodeBytes(info));
  try {
    const pixels = await decodeImage(buf, info, opts.maxPixels);
    const pdq = opts.hash === false ? null : hashSafely(pixels);
    const preview = await makeBlurredPreviewFromPixels(pixels, {
      maxPixels: opts.maxPixels, width: info.width, height: info.height, storedWidth: info.storedWidth, storedHeight: info.storedHeight,
      orientation: info.orientation, size: opts.previewSize, blurSigma: opts.blurSigma, grayscale: opts.grayscale,
    });
    return { ...base, width: info.width, height: info.height, frames: info.frames, preview, previewKind: 'blurred-image', pdq, preShrunk: pixels.preShrunk };
  } finally {
    release();
  }
}

/** A hashing failure never fails the media job: the media is still stored and previewed. */
function hashSafely(pixels: Parameters<typeof pdqFromPixels>[0]): MatchingHashes | null {
  try {
    const out = pdqFromPixels(pixels);
    return { hash: out.hash, quality: out.quality, dihedral: out.dihedral };
  } catch (e) {
    log.warn('pdq hashing failed', { error: e instanceof Error ? e.message : String(e) });
    return null;
  }
}
