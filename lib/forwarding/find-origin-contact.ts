/**
 * Finds the origin server's published contact address: NodeInfo metadata first (the one document every fediverse
 * server serves), then Mastodon's instance API (v2 contact.email, then v1 email). Each read goes through the
 * SSRF-safe fetch with a small budget (5 s, 256 KiB); any failure just moves on. It never throws: with nothing
 * answering, the result is { contact: null, source: null } and the message says where to look instead.
 */
import type { FetchLike } from '@/lib/connectors/types';
import { DEFAULT_FETCH_POLICY } from '@/lib/net/fetch-policy';
import { createSafeFetch } from '@/lib/net/safe-fetch';
import { contactFromInstanceV1, contactFromInstanceV2, contactFromNodeInfo, nodeInfoHref } from './contact-parsers';

const MAX_BYTES = 256 * 1024;

export interface OriginContact { contact: string | null; source: string | null }

export function defaultContactFetch(): FetchLike {
  return createSafeFetch({ ...DEFAULT_FETCH_POLICY, maxBytes: MAX_BYTES, timeoutMs: 5_000, maxRedirects: 3 });
}

export async function findOriginContact(domain: string, fetch: FetchLike = defaultContactFetch()): Promise<OriginContact> {
  if (!/^[a-z0-9.-]{1,253}(:\d{1,5})?$/i.test(domain)) return { contact: null, source: null };
  const base = `https://${domain}`;
  const href = nodeInfoHref(await readJson(fetch, `${base}/.well-known/nodeinfo`));
  if (href) {
    const found = contactFromNodeInfo(await readJson(fetch, href));
    if (found) return { contact: found.email, source: `NodeInfo (${found.field})` };
  }
  const v2 = contactFromInstanceV2(await readJson(fetch, `${base}/api/v2/instance`));
  if (v2) return { contact: v2, source: `${base}/api/v2/instance (contact.email)` };
  const v1 = contactFromInstanceV1(await readJson(fetch, `${base}/api/v1/instance`));
  if (v1) return { contact: v1, source: `${base}/api/v1/instance (email)` };
  return { contact: null, source: null };
}

/** The parsed JSON body of a 200 answer, or null for anything else (errors, other statuses, oversize, not JSON). */
async function readJson(fetch: FetchLike, url: string): Promise<unknown> {
  try {
    const res = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(5_000) });
    if (res.status !== 200) return null;
    const text = await res.text();
    return text.length > MAX_BYTES ? null : JSON.parse(text);
  } catch {
    return null;
  }
}
