/**
 * Response headers for preview and original media. no-store: blurred or not, media never lands in a shared
 * or disk cache. nosniff + `default-src 'none'` + sandbox: even a mislabelled file opened directly cannot run
 * script. CORP same-origin: other sites cannot embed it with the moderator's cookies.
 */
import { downloadName } from './media-policy';

export function mediaHeaders(opts: { mediaId: string; mime: string; inline: boolean; length: number }): Record<string, string> {
  const disposition = opts.inline ? 'inline' : 'attachment';
  return {
    'Content-Type': opts.mime,
    'Content-Length': String(opts.length),
    'Content-Disposition': `${disposition}; filename="${downloadName(opts.mediaId, opts.mime)}"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
