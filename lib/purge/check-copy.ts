/**
 * The public checks of one copy (its media URL, its post URL) and whether the server's lookup still lists it.
 * The lookup is run once per instance (check-instance.ts) and matched here against each copy's own ids.
 */
import type { CopyLookupResult } from '@/lib/connectors/types';
import { remoteCopyKey } from '@/lib/cases/copy-key';
import { onInstanceHost, type FetchPublicFn, type PublicInstance } from './fetch-public';
import type { ReceiptCheck } from './types';

export interface CopyRefs {
  copyKey: string;
  remotePostId: string | null;
  remoteMediaId: string | null;
  mediaUrl: string | null;
  postUrl: string | null;
}

/** The lookup as run for the instance: answered, could not be asked (with why), or failed (with why). */
export type InstanceLookup =
  | { status: 'checked'; result: Extract<CopyLookupResult, { status: 'checked' }> }
  | { status: 'not_checked' | 'error'; detail: string };

export function lookupCheck(copy: CopyRefs, lookup: InstanceLookup): ReceiptCheck {
  const base = { what: 'lookup' as const, url: null, httpStatus: null, sha256: null };
  if (lookup.status !== 'checked') return { ...base, result: lookup.status, error: lookup.detail };
  const found = lookup.result.copies.some((c) =>
    remoteCopyKey(c) === copy.copyKey
    || (copy.remotePostId !== null && c.postId === copy.remotePostId)
    || (copy.remoteMediaId !== null && c.mediaId === copy.remoteMediaId));
  return { ...base, result: found ? 'found' : 'not_found', error: null };
}

async function urlCheck(what: 'media_url' | 'post_url', url: string | null, instance: PublicInstance, known: Set<string>, fetchPublic: FetchPublicFn): Promise<ReceiptCheck> {
  const base = { what, url, httpStatus: null, sha256: null };
  if (!url) return { ...base, result: 'not_checked', error: 'no URL is known for it' };
  if (!onInstanceHost(url, instance)) {
    let host = 'another host';
    try { host = `another host (${new URL(url).host})`; } catch { /* keep the generic words */ }
    return { ...base, result: 'not_checked', error: `the URL is on ${host}` };
  }
  const got = await fetchPublic(url, instance);
  if (!got.ok) return { ...base, result: 'error', error: got.error };
  const sha256 = what === 'media_url' ? got.sha256 : null;
  let result: string;
  if (got.status === 404 || got.status === 410) result = 'gone';
  else if (got.status < 200 || got.status >= 300) result = 'error';
  else if (what === 'post_url') result = 'found';
  else result = sha256 && known.has(sha256) ? 'served_same' : 'served_other';
  return { ...base, httpStatus: got.status, sha256, result, error: null };
}

/** The media URL and post URL checks, and the lookup's answer for this copy (it runs once for the instance, alongside). */
export async function checkCopy(copy: CopyRefs, instance: PublicInstance, lookup: Promise<InstanceLookup>, knownSha256: string[], fetchPublic: FetchPublicFn): Promise<ReceiptCheck[]> {
  const known = new Set(knownSha256);
  const [media, post, found] = await Promise.all([
    urlCheck('media_url', copy.mediaUrl, instance, known, fetchPublic),
    urlCheck('post_url', copy.postUrl, instance, known, fetchPublic),
    lookup,
  ]);
  return [media, post, lookupCheck(copy, found)];
}
