/**
 * Which PeerTube video a URL names, as a full UUID. Video pages are /videos/watch/<id> and /w/<id> (also
 * /videos/embed/<id>), where <id> is the UUID or its short form: the UUID's 128 bits written in base 58 with the
 * flickr alphabet (the short-uuid package PeerTube uses, @peertube/peertube-node-utils uuid.ts). Pure, no I/O.
 */
const FLICKR58 = '123456789abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SHORT = /^[1-9a-km-zA-HJ-NP-Z]{1,22}$/;
const PATH = /^\/(?:videos\/watch|videos\/embed|w)\/([A-Za-z0-9-]{1,36})\/?$/;
const MAX = (1n << 128n) - 1n;

export function shortToUuid(short: string): string | null {
  if (!SHORT.test(short)) return null;
  let n = 0n;
  for (const ch of short) n = n * 58n + BigInt(FLICKR58.indexOf(ch));
  if (n > MAX) return null;
  const hex = n.toString(16).padStart(32, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function uuidToShort(uuid: string): string {
  let n = BigInt(`0x${uuid.replace(/-/g, '')}`);
  let out = '';
  while (n > 0n) {
    out = FLICKR58[Number(n % 58n)] + out;
    n /= 58n;
  }
  return out.padStart(22, FLICKR58[0]);
}

/** The video UUID a PeerTube video URL names, or null when the URL is not a video page. */
export function videoUuidFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let path: string;
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    path = u.pathname;
  } catch {
    return null;
  }
  const id = PATH.exec(path)?.[1];
  if (!id) return null;
  return UUID.test(id) ? id.toLowerCase() : shortToUuid(id);
}
