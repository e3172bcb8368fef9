/**
 * Which reverse proxies may speak for the client (X-Forwarded-*, X-Real-IP), from TRUSTED_PROXIES.
 *
 * Next 16 gives route handlers no socket, so the direct peer cannot be checked: `next start` itself fills
 * X-Forwarded-For with the peer only when the client did not send one, so that header is whatever the client
 * claims unless a proxy in front overwrites or appends to it. Hence: with TRUSTED_PROXIES empty (the default) every
 * proxy header is ignored; once it is set, the headers are believed and the app must be reachable only through
 * those proxies (bind HOST to loopback or a private network). The list still matters then: X-Forwarded-For is
 * walked from the right past the listed proxies, so a chain of proxies is handled.
 */
import ipaddr from 'ipaddr.js';
import { env } from '@/lib/env';

export type ProxyList = readonly [ipaddr.IPv4 | ipaddr.IPv6, number][];

/** Parses "10.0.0.1, 172.16.0.0/12, ::1"; an entry that is neither an IP nor a CIDR is a configuration error. */
export function parseTrustedProxies(raw: string): ProxyList {
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      try {
        if (entry.includes('/')) return ipaddr.parseCIDR(entry);
        const addr = parseIp(entry);
        if (!addr) throw new Error('not an address');
        const entryOut: [ipaddr.IPv4 | ipaddr.IPv6, number] = [addr, addr instanceof ipaddr.IPv4 ? 32 : 128];
        return entryOut;
      } catch {
        throw new Error(`Invalid configuration: TRUSTED_PROXIES entry "${entry}" is not an IP address or CIDR`);
      }
    });
}

let cached: { raw: string; list: ProxyList } | null = null;

export function trustedProxies(): ProxyList {
  const raw = env().TRUSTED_PROXIES;
  if (cached?.raw !== raw) cached = { raw, list: parseTrustedProxies(raw) };
  return cached.list;
}

/** Normalizes "::ffff:10.0.0.1" to its IPv4 form so one list entry covers both spellings. */
export function parseIp(value: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  try {
    const addr = ipaddr.parse(value.trim());
    return addr instanceof ipaddr.IPv6 && addr.isIPv4MappedAddress() ? addr.toIPv4Address() : addr;
  } catch {
    return null;
  }
}

export function isTrustedProxy(ip: string, list: ProxyList = trustedProxies()): boolean {
  const addr = parseIp(ip);
  if (!addr) return false;
  return list.some(([net, bits]) => {
    if (addr instanceof ipaddr.IPv4 && net instanceof ipaddr.IPv4) return addr.match(net, bits);
    if (addr instanceof ipaddr.IPv6 && net instanceof ipaddr.IPv6) return addr.match(net, bits);
    return false;
  });
}
