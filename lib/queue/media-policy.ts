/**
 * Which stored originals a browser may display inline. Only raster formats the media pipeline decodes;
 * SVG (scriptable), video and everything else are served as downloads. Pure, shared by verbs and routes.
 */
const INLINE_IMAGE_MIMES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif']);

export function isInlineImage(mime: string | null | undefined): boolean {
  return !!mime && INLINE_IMAGE_MIMES.has(mime.toLowerCase());
}

/** A header-safe content type: the stored mime when it looks like one, else a generic binary type. */
export function safeContentType(mime: string | null | undefined): string {
  return mime && /^[a-z0-9][a-z0-9.+-]*\/[a-z0-9][a-z0-9.+-]*$/i.test(mime) ? mime.toLowerCase() : 'application/octet-stream';
}

const EXT: Record<string, string> = {
  'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp', 'image/avif': 'avif',
  'video/mp4': 'mp4', 'video/webm': 'webm', 'video/quicktime': 'mov', 'audio/mpeg': 'mp3', 'audio/ogg': 'ogg',
};

/** Our own file name (never the remote one, which is hostile text). */
export function downloadName(mediaId: string, mime: string | null | undefined): string {
  return `media-${mediaId}.${EXT[(mime ?? '').toLowerCase()] ?? 'bin'}`;
}
