/**
 * Pure: a watch term as an admin typed it ("#Trade", "Free Crypto", "https://Example.org/x") becomes the one stored
 * form its kind is matched by (WatchTerm.value). Invalid input throws an AppError whose userMessage says what to fix.
 */
import { domainToASCII } from 'node:url';
import { AppError } from '@/lib/errors';
import type { WatchKind } from './types';

const TAG_CHARS = /^[\p{L}\p{N}_]+$/u;
const CONTROL = /[\p{Cc}\p{Cf}]/u;

function invalid(message: string): AppError {
  return new AppError('bad_request', `invalid watch term: ${message}`, { userMessage: message });
}

/** Lenient form for tags read from posts: never throws, '' when nothing is left. */
export function tagKey(raw: string): string {
  // NFKC again after lower-casing: some capitals lower-case to a decomposed pair ("Υ̓" -> "ὐ") that NFKC composes.
  return raw.replace(/^#+/, '').normalize('NFKC').toLowerCase().normalize('NFKC');
}

export function normalizeHashtag(raw: string): string {
  const value = tagKey(raw.trim());
  if (!value) throw invalid('Type a hashtag, for example #example.');
  if (value.length > 100) throw invalid('A hashtag can be at most 100 characters long.');
  if (!TAG_CHARS.test(value)) throw invalid('A hashtag can hold only letters, digits and _ (no spaces, dashes or dots).');
  return value;
}

export function normalizeKeyword(raw: string): string {
  // Whitespace collapsed like the post text it is matched against (HTML stripped, runs of spaces made one).
  const value = raw.replace(/\s+/g, ' ').trim().toLowerCase();
  if (CONTROL.test(value)) throw invalid('A keyword cannot contain control characters.');
  if ([...value].length < 2) throw invalid('A keyword needs at least 2 characters.');
  if ([...value].length > 100) throw invalid('A keyword can be at most 100 characters long.');
  return value;
}

/**
 * A host: from "example.org", "*.example.org", ".example.org" or a URL; lower case, punycode, no port, no trailing
 * dot. Subdomains always match (match-terms.ts), so the "*." form is accepted and stored without its prefix.
 */
export function normalizeDomain(raw: string): string {
  let text = raw.trim().replace(/^\*?\./, '');
  if (!text) throw invalid('Type a domain, for example example.org.');
  if (CONTROL.test(text) || /\s/.test(text)) throw invalid('A domain cannot contain spaces.');
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = `http://${text}`;
  let host: string;
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid('Give a domain or an http(s) link.');
    host = url.hostname;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw invalid('That is not a domain or a link. Type a domain such as example.org.');
  }
  const value = hostKey(host);
  if (!value || !value.includes('.') || value.length > 253) {
    throw invalid('That is not a full domain. Type one such as example.org.');
  }
  if (value.startsWith('[')) throw invalid('Watch a domain name, not an IP address.');
  return value;
}

/** Lenient form of a host read from a post: lower-case punycode without trailing dot; '' when invalid. */
export function hostKey(host: string): string {
  return domainToASCII(host.replace(/\.+$/, '').toLowerCase());
}

export function normalizeTerm(kind: WatchKind, raw: string): string {
  switch (kind) {
    case 'hashtag': return normalizeHashtag(raw);
    case 'keyword': return normalizeKeyword(raw);
    case 'domain': return normalizeDomain(raw);
  }
}
