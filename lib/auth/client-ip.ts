/**
 * The client address, for the per-IP sign-in limit and the audit log. Route handlers see no socket (see
 * trusted-proxies.ts), so the address can only come from proxy headers, and those count only when TRUSTED_PROXIES
 * is set: without it anybody could send a fresh X-Forwarded-For per attempt and never hit the per-IP limit.
 *
 * X-Forwarded-For is read from the right: each proxy appends the peer it saw, so the right-most entry that is not
 * one of our proxies is the client as our outermost proxy saw it; left-most entries are whatever the client
 * claimed. X-Real-IP is only a fallback: proxies that do not set it pass a client-sent one through.
 */
import { PEER_HEADER, peerHeaderTrusted } from './peer-header';
import { isTrustedProxy, parseIp, trustedProxies, type ProxyList } from './trusted-proxies';

type HeaderGetter = (name: string) => string | null | undefined;

export function clientIp(get: HeaderGetter, proxies: ProxyList = trustedProxies(), peerKnown = peerHeaderTrusted()): string | null {
  // Behind our own server the socket's address is known: it is the client unless it is one of our proxies.
  const peer = peerKnown ? parseIp(get(PEER_HEADER) ?? '') : null;
  if (peer && !isTrustedProxy(peer.toString(), proxies)) return peer.toString();
  if (proxies.length === 0) return peer ? peer.toString() : null;
  const forwarded = (get('x-forwarded-for') ?? '').split(',').map((p) => p.trim()).filter(Boolean);
  for (let i = forwarded.length - 1; i >= 0; i--) {
    const ip = parseIp(forwarded[i]);
    if (!ip) return null; // garbage in the chain: nothing left of it can be believed
    if (!isTrustedProxy(forwarded[i], proxies)) return ip.toString();
  }
  // Only our proxies in the chain (or none): X-Real-IP as set by the proxy, else the nearest hop we know.
  const real = parseIp(get('x-real-ip') ?? '');
  if (real) return real.toString();
  return forwarded.length ? (parseIp(forwarded[0])?.toString() ?? null) : null;
}

/** next-auth hands route headers over as a plain object. */
export function headerGetterFromRecord(headers: Record<string, unknown> | undefined): HeaderGetter {
  return (name) => {
    const v = headers?.[name];
    return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : null;
  };
}
