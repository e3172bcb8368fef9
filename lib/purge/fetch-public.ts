/**
 * A receipt's look at a public URL, as anyone on the internet would see it: GET with no token, no cookie, through
 * the SSRF-safe fetcher (every redirect hop checked), hashing whatever bytes come back. Only URLs on the instance's
 * own host are fetched: a file on another host says nothing about whether THIS server still serves it.
 * HTTP statuses are answers, not errors: it never throws for them.
 */
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { env } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { exemptOriginFor, type FetchPolicy } from '@/lib/net/fetch-policy';
import { safeFetch } from '@/lib/net/safe-fetch';

export interface PublicInstance {
  baseUrl: string;
  domain: string;
  allowPrivate: boolean;
}

export type PublicFetch =
  | { ok: true; status: number; sha256: string | null; bytes: number }
  | { ok: false; error: string };

export type FetchPublicFn = (url: string, instance: PublicInstance) => Promise<PublicFetch>;

/**
 * The instance's own host (scheme-less, with its port), or a subdomain of its domain (files.example.social for
 * example.social). An IP-address domain has no subdomains: on loopback every fake is a port of the same address.
 */
export function onInstanceHost(url: string, instance: PublicInstance): boolean {
  let u: URL;
  let base: URL;
  try {
    u = new URL(url);
    base = new URL(instance.baseUrl);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return false;
  if (u.host === base.host) return true;
  const domain = instance.domain.toLowerCase().replace(/\.$/, '');
  if (domain === '' || isIP(domain) !== 0 || !domain.includes('.')) return false;
  return u.hostname.toLowerCase().endsWith(`.${domain}`);
}

export interface FetchPublicOptions {
  timeoutMs?: number;
  maxBytes?: number;
  /** Test seam for DNS (see FetchPolicy.resolve). */
  resolve?: FetchPolicy['resolve'];
}

export async function fetchPublic(url: string, instance: PublicInstance, opts: FetchPublicOptions = {}): Promise<PublicFetch> {
  if (!onInstanceHost(url, instance)) return { ok: false, error: 'the URL is not on this instance' };
  const policy: FetchPolicy = {
    exemptOrigin: exemptOriginFor(instance),
    maxBytes: opts.maxBytes ?? env().MEDIA_MAX_BYTES,
    timeoutMs: opts.timeoutMs ?? 15_000,
    maxRedirects: 5,
    resolve: opts.resolve,
  };
  try {
    // No headers beyond safeFetch's own: no Authorization, no Cookie, as the public asks.
    const res = await safeFetch(url, { method: 'GET', redirect: 'follow', policy, headers: { accept: '*/*' } });
    const body = Buffer.from(await res.arrayBuffer());
    const served = res.status >= 200 && res.status < 300 && body.length > 0;
    return { ok: true, status: res.status, sha256: served ? createHash('sha256').update(body).digest('hex') : null, bytes: body.length };
  } catch (e) {
    return { ok: false, error: describeFetchError(e) };
  }
}

function describeFetchError(e: unknown): string {
  if (!isAppError(e)) return 'the fetch failed';
  switch (e.code) {
    case 'too_large': return 'the response was larger than the size cap';
    case 'ssrf_blocked': return 'the URL (or a redirect) points at a forbidden address';
    case 'remote_unreachable': return e.details?.reason === 'timeout' ? 'the server did not answer in time' : 'the server could not be reached';
    default: return e.details?.reason === 'too_many_redirects' ? 'too many redirects' : 'the fetch failed';
  }
}
