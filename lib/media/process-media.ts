/**
 * Turns fetched bytes into what the app stores about a media file: real type, hashes, geometry and a safe
 * preview. Pure apart from CPU: no network, no database, no storage.
 */
import crypto from 'node:crypto';
import { AppError } from '@/lib/errors';
import { makeBlurredPreview } from './blurred-preview';
import { readImageInfo } from './image-info';
import { formatBytes, renderMediaCard } from './media-card';
import { sniffType, type MediaKind } from './sniff';

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

export interface ProcessOptions {
  maxPixels: number;
  previewSize?: number;
  blurSigma?: number;
  grayscale?: boolean;
}

// What this sharp build decodes. HEIC needs an HEVC decoder that is not shipped; BMP is not supported by libvips.
const DECODABLE_IMAGES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif', 'image/tiff']);

function digest(algorithm: 'sha256' | 'md5', buf: Buffer): string {
  return crypto.createHash(algorithm).update(buf).digest('hex');
}

export async function processMedia(buf: Buffer, opts: ProcessOptions): Promise<ProcessedMedia> {
  const { mime, kind } = sniffType(buf);
  if (kind === 'unknown') throw new AppError('invalid_media', 'media: unrecognised file type');
  const base = { mime, kind, bytes: buf.length, sha256: digest('sha256', buf), md5: digest('md5', buf), previewMime: 'image/webp' as const };

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
  const preview = await makeBlurredPreview(buf, {
    maxPixels: opts.maxPixels,
    width: info.width,
    height: info.height,
    size: opts.previewSize,
    blurSigma: opts.blurSigma,
    grayscale: opts.grayscale,
  });
  return { ...base, width: info.width, height: info.height, frames: info.frames, preview, previewKind: 'blurred-image' };
}
