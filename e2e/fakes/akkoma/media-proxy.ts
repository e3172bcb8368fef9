/**
 * Akkoma's media proxy as the fake models it (checked in Pleroma/Akkoma MediaProxy and MediaProxyController):
 * a remote file is shown at /proxy/<sig>/<base64url(origin URL)>/<filename>, where sig is an HMAC-SHA1 of the origin
 * URL. The proxy STORES nothing: it streams the origin file (a cache such as nginx in front keeps copies), so deleting
 * the post or its account does not stop the proxied URL. Only a ban stops it: MediaProxyController answers 404 when
 * the DECODED ORIGIN URL is in the banned list (POST /media_proxy_caches/purge with ban: true puts the URLs given in
 * it). The fake's origins are not reachable, so it serves the bytes it seeded for that origin URL, as the cache would.
 * Local uploads (/media/<id>.png) are not proxied and not affected by bans.
 */
import { createHmac } from 'node:crypto';
import type { FakeMedia } from './entities';
import type { FakeAkkomaState } from './state';

const SECRET = 'fake-akkoma-media-proxy-secret';

const sign = (url: string) => createHmac('sha1', SECRET).update(url).digest('base64url');

export function proxyUrl(state: FakeAkkomaState, originUrl: string): string {
  const filename = new URL(originUrl).pathname.split('/').pop() || 'file';
  return `${state.baseUrl}/proxy/${sign(originUrl)}/${Buffer.from(originUrl).toString('base64url')}/${filename}`;
}

/** The origin URL a proxy path names, or why not: 'invalid_signature' (403) or null (not a proxy URL: 404). */
export function decodeProxy(sig: string, url64: string): string | 'invalid_signature' | null {
  const origin = Buffer.from(url64, 'base64url').toString('utf8');
  if (!/^https?:\/\//.test(origin)) return null;
  return sign(origin) === sig ? origin : 'invalid_signature';
}

/**
 * The file the proxy streams for an origin URL: an attachment, live or deleted with its post or account, whose
 * remote URL it is (an explicit remoteUrl, or the default https://<domain>/media/<id>.png the serializer reports).
 */
export function fileForOrigin(state: FakeAkkomaState, originUrl: string): FakeMedia | undefined {
  const all = [...state.media.values(), ...state.removedMedia.values()];
  const explicit = all.find((m) => m.remoteUrl === originUrl);
  if (explicit) return explicit;
  const id = /^https:\/\/[^/]+\/media\/([A-Za-z0-9]+)\.png$/.exec(originUrl)?.[1];
  const byId = id ? state.media.get(id) ?? state.removedMedia.get(id) : undefined;
  return byId && !byId.remoteUrl ? byId : undefined;
}
