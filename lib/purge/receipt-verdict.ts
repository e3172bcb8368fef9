/**
 * The verdict of one copy's receipt from what its checks found (pure). The media file is what matters: the same
 * bytes served is "still served" whatever else the checks say; a gone file, or a copy the server's own lookup no
 * longer finds while its file could not show otherwise, is "removed"; anything else cannot be verified, with the
 * reason in words. It never says removed while the lookup still finds the copy and the file was not seen gone.
 */
import type { ReceiptCheck, ReceiptVerdict } from './types';

export interface VerdictInput {
  checks: ReceiptCheck[];
  /** The SHA-256 digests this copy's bytes are known by (its media, the case, the evidence manifest). */
  knownSha256: string[];
}

export interface Verdict {
  verdict: Exclude<ReceiptVerdict, 'accepted'>;
  reason: string;
  httpStatus: number | null;
  servedSha256: string | null;
}

const GONE = new Set([404, 410]);

function pick(checks: ReceiptCheck[], what: ReceiptCheck['what']): ReceiptCheck | null {
  return checks.find((c) => c.what === what) ?? null;
}

function mediaState(media: ReceiptCheck | null, known: Set<string>): 'gone' | 'same' | 'other' | 'unknown_bytes' | 'unchecked' {
  if (!media || media.url === null || media.httpStatus === null) return 'unchecked';
  if (GONE.has(media.httpStatus)) return 'gone';
  if (media.httpStatus >= 200 && media.httpStatus < 300 && media.sha256) {
    if (known.has(media.sha256)) return 'same';
    return known.size > 0 ? 'other' : 'unknown_bytes';
  }
  return 'unchecked';
}

/** One sentence per check, for the reasons. */
function describe(c: ReceiptCheck | null, label: string): string | null {
  if (!c) return null;
  if (c.result === 'not_checked') return `${label}: not checked${c.error ? ` (${c.error})` : ''}`;
  if (c.error) return `${label}: ${c.error}`;
  if (c.httpStatus !== null) return `${label}: the server answered ${c.httpStatus}`;
  return `${label}: ${c.result.replace(/_/g, ' ')}`;
}

export function receiptVerdict(input: VerdictInput): Verdict {
  const known = new Set(input.knownSha256.filter((h) => h.length > 0));
  const media = pick(input.checks, 'media_url');
  const post = pick(input.checks, 'post_url');
  const lookup = pick(input.checks, 'lookup');
  const m = mediaState(media, known);
  const httpStatus = media?.httpStatus ?? post?.httpStatus ?? null;
  const served = m === 'same' || m === 'other' || m === 'unknown_bytes' ? (media?.sha256 ?? null) : null;
  const out = (verdict: Verdict['verdict'], reason: string): Verdict => ({ verdict, reason, httpStatus, servedSha256: served });

  if (m === 'same') return out('still_served', `The media URL still serves the same bytes (SHA-256 ${served?.slice(0, 12)}…).`);
  if (m === 'gone') return out('removed', `The media URL answers ${media?.httpStatus}.`);
  const lookupFound = lookup?.result === 'found';
  const lookupGone = lookup?.result === 'not_found';
  const lookupUsable = lookupFound || lookupGone;
  // Bytes we cannot compare with anything: the file may be the item, so nothing else can say it is gone.
  if (m !== 'unknown_bytes') {
    if (lookupGone) {
      const file = m === 'other' ? 'the media URL serves other bytes' : 'the media URL could not show it';
      return out('removed', `The server's lookup no longer finds the copy; ${file}.`);
    }
    if (!lookupUsable && post && post.httpStatus !== null && GONE.has(post.httpStatus)) {
      return out('removed', `The post URL answers ${post.httpStatus}; nothing else could be checked.`);
    }
  }
  const why = [
    m === 'unknown_bytes' ? 'media URL: still serves a file, and no hash of the item is known to compare it with' : describe(media, 'media URL'),
    describe(post, 'post URL'),
    lookupFound ? 'lookup: the server still lists the copy' : describe(lookup, 'lookup'),
  ].filter((s): s is string => s !== null);
  return out('cannot_verify', `Could not verify the removal. ${why.length > 0 ? `${why.join('; ')}.` : 'Nothing could be checked.'}`);
}
