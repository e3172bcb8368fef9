/**
 * Headers for evidence bytes (the ZIP and single items). Always an attachment, never stored by any cache, and inert
 * if opened directly: an item may be whatever a remote server sent (HTML, SVG), so nosniff and a sandboxing CSP keep
 * it from running script on our origin. The file name is reduced to safe characters (it may come from a manifest path).
 */
export function safeFilename(name: string): string {
  const base = name.split('/').pop() ?? '';
  const clean = base.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '').slice(0, 120);
  return clean || 'evidence.bin';
}

export function attachmentHeaders(opts: { filename: string; mime: string; length: number }): Record<string, string> {
  return {
    'Content-Type': opts.mime,
    'Content-Length': String(opts.length),
    'Content-Disposition': `attachment; filename="${safeFilename(opts.filename)}"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
