/**
 * One list entry's domain, in the form the mirror, the merge and the servers compare: lower-case ASCII (punycode),
 * no trailing dot, no "*." (a server's domain block already covers subdomains, so "*.example.com" is example.com
 * with wildcard=true). Lists are hostile input: anything that is not plainly a host name is refused with a reason
 * the source page can show, rather than guessed at.
 */
import { isIP } from 'node:net';
import { domainToASCII } from 'node:url';

export type NormalizedDomain = { domain: string; wildcard: boolean } | { error: string };

const MAX_DOMAIN = 253;
const MAX_LABEL = 63;
const LABEL = /^[a-z0-9-]+$/;
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;

/** Strips what every format shares (space, scheme, "*.", trailing dot); `*` left inside means an obfuscated name. */
export function stripBlockDomain(raw: string): { text: string; wildcard: boolean } | { error: string } {
  let s = raw.trim();
  const scheme = /^https?:\/\//i.exec(s);
  if (scheme) {
    s = s.slice(scheme[0].length);
    // "https://example.com/" is how people paste a server; any longer path is not a domain.
    if (s.endsWith('/') && s.indexOf('/') === s.length - 1) s = s.slice(0, -1);
  }
  if (s === '') return { error: 'empty domain' };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) return { error: 'not a domain (has a scheme)' };
  if (/[/?#@\\]/.test(s)) return { error: 'not a domain (has a path, query or user part)' };
  s = s.toLowerCase();
  let wildcard = false;
  if (s.startsWith('*.')) {
    wildcard = true;
    s = s.slice(2);
  }
  if (s.endsWith('.')) s = s.slice(0, -1);
  if (s === '') return { error: 'empty domain' };
  return { text: s, wildcard };
}

export function normalizeBlockDomain(raw: string): NormalizedDomain {
  const stripped = stripBlockDomain(raw);
  if ('error' in stripped) return stripped;
  const { wildcard } = stripped;
  let s = stripped.text;
  if (s.includes('*')) return { error: 'obfuscated domain (contains *)' };
  // IP literals are kept as given: servers block them by address, and they have no labels to check.
  if (isIP(s)) return { domain: s, wildcard };
  if (s.startsWith('[') && s.endsWith(']') && isIP(s.slice(1, -1)) === 6) return { domain: s, wildcard };
  if (s.includes(':')) return { error: 'not a domain (has a port)' };
  if (NON_ASCII.test(s)) {
    const ascii = domainToASCII(s);
    if (ascii === '') return { error: 'not a valid international domain name' };
    s = ascii;
  }
  if (s.length > MAX_DOMAIN) return { error: `longer than ${MAX_DOMAIN} characters` };
  const labels = s.split('.');
  // One label ("com", "localhost") would block a whole top-level domain or nothing real: never from a list.
  if (labels.length < 2) return { error: 'not a full domain name (needs at least one dot)' };
  for (const label of labels) {
    if (label === '') return { error: 'empty label (two dots in a row)' };
    if (label.length > MAX_LABEL) return { error: `a label is longer than ${MAX_LABEL} characters` };
    if (!LABEL.test(label)) return { error: 'characters other than letters, digits, hyphens and dots' };
    if (label.startsWith('-') || label.endsWith('-')) return { error: 'a label starts or ends with a hyphen' };
  }
  return { domain: s, wildcard };
}
