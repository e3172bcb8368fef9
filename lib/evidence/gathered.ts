/** What sealing collects before anything is stored: each future manifest item with its bytes (null for missing). */
import { canonicalBytes } from './canonical-json';

export interface GatheredItem {
  path: string;
  kind: 'file' | 'json' | 'missing';
  mime: string | null;
  data: Buffer | null;
  source: string;
  copyIds?: string[];
  note?: string;
}

/** Records as canonical JSON; Dates become ISO strings first (canonicalJson would turn a Date into {}). */
export function jsonItem(path: string, value: unknown, source: string): GatheredItem {
  const plain: unknown = JSON.parse(JSON.stringify(value));
  return { path, kind: 'json', mime: 'application/json', data: canonicalBytes(plain), source };
}

const EXT: Record<string, string> = {
  'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp', 'image/avif': 'avif',
  'image/heic': 'heic', 'video/mp4': 'mp4', 'video/webm': 'webm', 'audio/mpeg': 'mp3', 'audio/ogg': 'ogg',
};

export function extFor(mime: string | null): string {
  return (mime && EXT[mime]) ?? 'bin';
}
