/**
 * The real type of a media file, from its first bytes. A remote server's Content-Type (or file extension)
 * is never trusted: an "image/png" may be an SVG with script, an HTML page, or a video.
 * `kind` is the container family: 'gif' only for GIF (animated WebP/PNG stay 'image'; frame counts come
 * from decoding). SVG is deliberately unknown: it is a document, not pixels.
 */
export type MediaKind = 'image' | 'gif' | 'video' | 'audio' | 'unknown';

export interface SniffedType {
  mime: string;
  kind: MediaKind;
}

const UNKNOWN: SniffedType = { mime: 'application/octet-stream', kind: 'unknown' };

function ascii(buf: Buffer, start: number, end: number): string {
  return buf.subarray(start, end).toString('latin1');
}

function startsWith(buf: Buffer, bytes: number[], offset = 0): boolean {
  return buf.length >= offset + bytes.length && bytes.every((b, i) => buf[offset + i] === b);
}

const AVIF_BRANDS = new Set(['avif', 'avis']);
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);
const HEIF_BRANDS = new Set(['mif1', 'msf1']);
const AUDIO_BRANDS = new Set(['M4A ', 'M4B ', 'M4P ', 'F4A ', 'F4B ']);

// ISO base media (MP4, MOV, AVIF, HEIC, M4A): size, 'ftyp', major brand, minor version, compatible brands.
function sniffFtyp(buf: Buffer): SniffedType {
  const boxSize = buf.readUInt32BE(0);
  const end = Math.min(buf.length, boxSize >= 16 ? boxSize : 16, 256);
  const major = ascii(buf, 8, 12);
  const brands = [major];
  for (let i = 16; i + 4 <= end; i += 4) brands.push(ascii(buf, i, i + 4));

  if (AVIF_BRANDS.has(major) || (HEIF_BRANDS.has(major) && brands.some((b) => AVIF_BRANDS.has(b)))) {
    return { mime: 'image/avif', kind: 'image' };
  }
  if (HEIC_BRANDS.has(major) || (HEIF_BRANDS.has(major) && brands.some((b) => HEIC_BRANDS.has(b)))) {
    return { mime: 'image/heic', kind: 'image' };
  }
  if (HEIF_BRANDS.has(major)) return { mime: 'image/heif', kind: 'image' };
  if (AUDIO_BRANDS.has(major)) return { mime: 'audio/mp4', kind: 'audio' };
  if (major === 'qt  ') return { mime: 'video/quicktime', kind: 'video' };
  if (major.startsWith('3g')) return { mime: 'video/3gpp', kind: 'video' };
  // isom, iso2..9, mp41, mp42, avc1, dash, M4V, and the many vendor brands: all MP4 video in practice.
  return { mime: 'video/mp4', kind: 'video' };
}

// EBML header: DocType tells WebM from generic Matroska.
function sniffEbml(buf: Buffer): SniffedType {
  const head = ascii(buf, 0, Math.min(buf.length, 64));
  return head.includes('webm') ? { mime: 'video/webm', kind: 'video' } : { mime: 'video/x-matroska', kind: 'video' };
}

function sniffOgg(buf: Buffer): SniffedType {
  const head = ascii(buf, 0, Math.min(buf.length, 64));
  if (head.includes('theora')) return { mime: 'video/ogg', kind: 'video' };
  return { mime: 'audio/ogg', kind: 'audio' }; // Opus, Vorbis, FLAC-in-Ogg
}

// MPEG audio frame sync (11 set bits) with a valid layer; ADTS (AAC) has layer bits 00.
function sniffMpegAudio(buf: Buffer): SniffedType | null {
  if (buf.length < 3 || buf[0] !== 0xff || (buf[1] & 0xe0) !== 0xe0) return null;
  const version = (buf[1] >> 3) & 0x03;
  const layer = (buf[1] >> 1) & 0x03;
  if (version === 0x01) return null; // reserved version
  if (layer === 0x00) return (buf[1] & 0xf6) === 0xf0 ? { mime: 'audio/aac', kind: 'audio' } : null;
  const bitrate = buf[2] >> 4;
  if (bitrate === 0x0f || ((buf[2] >> 2) & 0x03) === 0x03) return null; // bad bitrate / sample-rate index
  return { mime: 'audio/mpeg', kind: 'audio' };
}

// 'BM' alone is too weak; also require a known DIB header size.
function isBmp(buf: Buffer): boolean {
  if (buf.length < 18 || !startsWith(buf, [0x42, 0x4d])) return false;
  return [12, 40, 52, 56, 64, 108, 124].includes(buf.readUInt32LE(14));
}

export function sniffType(buf: Buffer): SniffedType {
  if (buf.length < 4) return UNKNOWN;
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', kind: 'image' };
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: 'image/png', kind: 'image' };
  if (ascii(buf, 0, 6) === 'GIF87a' || ascii(buf, 0, 6) === 'GIF89a') return { mime: 'image/gif', kind: 'gif' };
  if (buf.length >= 12 && ascii(buf, 0, 4) === 'RIFF') {
    const form = ascii(buf, 8, 12);
    if (form === 'WEBP') return { mime: 'image/webp', kind: 'image' };
    if (form === 'WAVE') return { mime: 'audio/wav', kind: 'audio' };
    if (form === 'AVI ') return { mime: 'video/x-msvideo', kind: 'video' };
    return UNKNOWN;
  }
  if (buf.length >= 16 && ascii(buf, 4, 8) === 'ftyp') return sniffFtyp(buf);
  if (startsWith(buf, [0x1a, 0x45, 0xdf, 0xa3])) return sniffEbml(buf);
  if (ascii(buf, 0, 4) === 'OggS') return sniffOgg(buf);
  if (ascii(buf, 0, 4) === 'fLaC') return { mime: 'audio/flac', kind: 'audio' };
  if (ascii(buf, 0, 3) === 'ID3') return { mime: 'audio/mpeg', kind: 'audio' };
  if (startsWith(buf, [0x49, 0x49, 0x2a, 0x00]) || startsWith(buf, [0x4d, 0x4d, 0x00, 0x2a])) {
    return { mime: 'image/tiff', kind: 'image' };
  }
  if (isBmp(buf)) return { mime: 'image/bmp', kind: 'image' };
  return sniffMpegAudio(buf) ?? UNKNOWN;
}
