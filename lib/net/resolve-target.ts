/**
 * Turns a URL into the addresses we are willing to connect to, refusing the whole fetch if any is forbidden.
 * The caller connects only to what this returns, so a DNS answer that changes between check and connect
 * (rebinding) cannot slip a private address in.
 */
import dns from 'node:dns';
import net from 'node:net';
import { AppError } from '@/lib/errors';
import { isForbiddenAddress, isIpLiteral } from './address-policy';
import type { FetchPolicy } from './fetch-policy';

export interface ResolvedTarget {
  url: URL;
  /** The hostname without IPv6 brackets: what goes into SNI and the Host header. */
  hostname: string;
  addresses: { address: string; family: 4 | 6 }[];
}

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:']);

export function parseTargetUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch (cause) {
    throw new AppError('bad_request', 'safeFetch: not a valid URL', { cause });
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) {
    throw new AppError('ssrf_blocked', `safeFetch: scheme ${url.protocol} is not allowed`);
  }
  // Credentials in a URL would be sent as Basic auth to whoever the URL (or a redirect) points at.
  if (url.username || url.password) {
    throw new AppError('bad_request', 'safeFetch: credentials in URLs are not allowed');
  }
  return url;
}

async function systemResolve(hostname: string): Promise<string[]> {
  const results = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  return results.map((r) => r.address);
}

export async function resolveTarget(url: URL, policy: FetchPolicy): Promise<ResolvedTarget> {
  const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  let addresses: string[];
  if (isIpLiteral(hostname)) {
    addresses = [hostname];
  } else {
    try {
      addresses = await (policy.resolve ?? systemResolve)(hostname);
    } catch (cause) {
      throw new AppError('remote_unreachable', `safeFetch: could not resolve ${hostname}`, { cause });
    }
  }
  if (addresses.length === 0) {
    throw new AppError('remote_unreachable', `safeFetch: ${hostname} has no addresses`);
  }

  // URL.origin normalizes case, default ports and IPv6 spelling, so "HTTP://Host:80" matches "http://host".
  const exempt = policy.exemptOrigin != null && url.origin === policy.exemptOrigin;
  const trusted = exempt || (policy.unsafeTrustedHosts ?? []).includes(hostname.toLowerCase());
  const checked = addresses.map((address) => {
    const family = net.isIP(address);
    // A resolver that returns non-IP strings is broken or hostile; never hand those to connect().
    if (family !== 4 && family !== 6) {
      throw new AppError('ssrf_blocked', `safeFetch: resolver returned a non-address for ${hostname}`);
    }
    // Any forbidden answer refuses the whole fetch: attackers mix a public and a private record and hope
    // the client picks the private one.
    if (!trusted && isForbiddenAddress(address)) {
      throw new AppError('ssrf_blocked', `safeFetch: ${hostname} resolves to a forbidden address`, {
        details: { host: hostname },
      });
    }
    return { address, family: family as 4 | 6 };
  });
  return { url, hostname, addresses: checked };
}
