/**
 * The origin URL inside an Akkoma/Pleroma media proxy URL: /proxy/<sig>/<base64url(origin)>/<filename> (also
 * /proxy/preview/...). MediaProxyController bans by the DECODED origin URL (MediaProxy.in_banned_urls(url) after
 * decode_url), so a purge with ban must name the origin; the proxied URL is kept too for the cache invalidation.
 */
export function proxyOrigin(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = /^\/proxy\/(?:preview\/)?[A-Za-z0-9_-]+\/([A-Za-z0-9_-]+)(?:\/[^/]*)?$/.exec(path);
  if (!m) return null;
  const origin = Buffer.from(m[1], 'base64url').toString('utf8');
  return /^https?:\/\/[^\s]+$/i.test(origin) && origin.length <= 2048 ? origin : null;
}

/** The URLs a purge sends: each given URL, plus the origin behind each proxied one, without repeats. */
export function purgeUrls(urls: string[]): string[] {
  const out: string[] = [];
  for (const url of urls) {
    for (const u of [url, proxyOrigin(url)]) if (u && !out.includes(u)) out.push(u);
  }
  return out;
}
