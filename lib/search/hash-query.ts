/**
 * Whether the search text is a hash: 64 hex digits are a SHA-256 or a PDQ hash (both are tried), 32 are an MD5.
 * A `sha256:`/`md5:`/`pdq:` prefix, as people paste from bank exports, is accepted.
 */
export interface HashQuery {
  hex: string;
  /** SHA-256 exact and PDQ near matches for 64 digits; MD5 exact for 32. */
  kinds: ('sha256' | 'pdq' | 'md5')[];
}

export function parseHashQuery(q: string): HashQuery | null {
  const m = /^(?:(sha256|md5|pdq):)?([0-9a-f]+)$/.exec(q.trim().toLowerCase());
  if (!m) return null;
  const [, prefix, hex] = m;
  if (hex.length === 64) {
    if (prefix === 'md5') return null;
    return { hex, kinds: prefix === 'sha256' ? ['sha256'] : prefix === 'pdq' ? ['pdq'] : ['sha256', 'pdq'] };
  }
  if (hex.length === 32 && (prefix === undefined || prefix === 'md5')) return { hex, kinds: ['md5'] };
  return null;
}

/** PDQ hashes within this Hamming distance count as the same picture (the usual PDQ threshold). */
export const PDQ_SEARCH_DISTANCE = 31;
