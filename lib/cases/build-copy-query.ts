/**
 * What a copy search asks every instance (pure): the origin post's ActivityPub id and web URL, the file's URLs on
 * the origin, and the posting account, taken from the case and, where the case left a field empty, from the
 * primary media's own post and account as the instance that holds it recorded them.
 *
 * The instance whose own domain IS the origin is asked the same question: there the "copy" is the original post,
 * and its uri/url are the instance's own, which its lookups find just the same.
 */
import type { CopyQuery } from '@/lib/connectors/types';

export interface CopyQuerySource {
  originUri: string | null;
  originUrl: string | null;
  originMediaUrl: string | null;
  originAcct: string | null;
  originAccountUrl: string | null;
  /** originMediaUrl of every copy already found (federated copies may record other file URLs of the origin). */
  copyOriginMediaUrls: (string | null)[];
  /** The primary media as the instance that holds it recorded it, when the case has one. */
  primary: {
    /** Media.remoteUrl: the origin's file URL for a federated copy (null for a file the instance holds itself). */
    remoteUrl: string | null;
    /** Media.url: the instance's own URL for the file (the origin URL when the instance is the origin). */
    url: string;
    status: { uri: string | null; url: string | null } | null;
    account: { acct: string; url: string | null } | null;
    /** Domain of the instance holding the primary media: a bare acct ("alice") is local there. */
    instanceDomain: string;
  } | null;
}

/** More file URLs than this add nothing real; a bound keeps every query (and its URL) small. */
export const MAX_ORIGIN_MEDIA_URLS = 8;

export function buildCopyQuery(src: CopyQuerySource): CopyQuery {
  const p = src.primary;
  const originUri = clean(src.originUri) ?? clean(p?.status?.uri);
  const originUrl = clean(src.originUrl) ?? clean(p?.status?.url);
  // A file the primary instance holds itself (no remoteUrl) has its own URL as the origin's.
  const primaryFile = p ? (clean(p.remoteUrl) ?? (isLocalAcct(p.account?.acct) ? clean(p.url) : null)) : null;
  const urls = [src.originMediaUrl, primaryFile, ...src.copyOriginMediaUrls].map(clean).filter((u): u is string => u !== null);
  const originMediaUrls = [...new Set(urls)].slice(0, MAX_ORIGIN_MEDIA_URLS);
  return { originUri, originUrl, originMediaUrls, originAccount: account(src) };
}

function account(src: CopyQuerySource): CopyQuery['originAccount'] {
  const acct = text(src.originAcct);
  if (acct) return { acct, url: clean(src.originAccountUrl) };
  const a = src.primary?.account;
  const bare = text(a?.acct);
  if (!a || !bare) return null;
  // Mastodon-style APIs give a local account's acct without a domain; the query is read on other instances.
  const full = bare.includes('@') ? bare : `${bare}@${src.primary!.instanceDomain}`;
  return { acct: full, url: clean(a.url) };
}

function isLocalAcct(acct: string | null | undefined): boolean {
  return !!acct && !acct.replace(/^@/, '').includes('@');
}

/** Only absolute http(s) URLs count; anything else is dropped rather than sent to a server. */
function clean(v: string | null | undefined): string | null {
  const s = v?.trim();
  if (!s || !URL.canParse(s)) return null;
  return /^https?:$/.test(new URL(s).protocol) ? s : null;
}

function text(v: string | null | undefined): string | null {
  const s = v?.trim().replace(/^@/, '');
  return s ? s : null;
}
