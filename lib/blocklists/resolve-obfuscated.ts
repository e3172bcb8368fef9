/**
 * Obfuscated entries ("ex*mple.com", or Mastodon's public list with a digest) name a domain without spelling it.
 * We only block what we can name for certain: an entry resolves when exactly one known domain (accounts we have
 * seen, blocks on our servers, other lists' entries) matches: by SHA-256 digest when the list gives one, else by
 * pattern, `*` standing for any run of characters. No match or several: unresolved, shown, never applied.
 */
import { hash } from 'node:crypto';
import type { ObfuscatedEntry, ParsedEntry } from '@/lib/blocklists/types';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** First index whose value is >= key. */
function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The slice of a sorted array starting with `prefix`, as [from, to). */
function prefixRange(sorted: string[], prefix: string): [number, number] {
  if (prefix === '') return [0, sorted.length];
  return [lowerBound(sorted, prefix), lowerBound(sorted, `${prefix}\uffff`)];
}

// Known domains are ASCII (punycode), so reversing code units is reversing characters.
const reverse = (s: string) => s.split('').reverse().join('');

/**
 * Known domains, sorted forwards and backwards: a pattern's literal start and end narrow the candidates to a
 * range, so thousands of patterns against a few hundred thousand domains stay fast.
 */
class KnownDomains {
  private readonly forward: string[];
  private backwardSorted: string[] | null = null;
  private digests: Map<string, string> | null = null;

  constructor(known: Iterable<string>) {
    const set = new Set<string>();
    for (const d of known) {
      const s = d.trim().toLowerCase().replace(/\.$/, '');
      if (s !== '' && !s.includes('*')) set.add(s);
    }
    this.forward = [...set].sort();
  }

  /** Built on first use: digest-only lists never need it. */
  private get backward(): string[] {
    this.backwardSorted ??= this.forward.map(reverse).sort();
    return this.backwardSorted;
  }

  byDigest(digest: string): string | undefined {
    if (!this.digests) {
      this.digests = new Map();
      for (const d of this.forward) this.digests.set(hash('sha256', d, 'hex'), d);
    }
    return this.digests.get(digest.toLowerCase());
  }

  /** Up to two matches: the caller only needs to know "exactly one". */
  byPattern(pattern: string): string[] {
    const parts = pattern.split(/\*+/);
    const head = parts[0];
    const tail = parts[parts.length - 1];
    const re = new RegExp(`^${parts.map(escapeRegExp).join('.*')}$`);
    const [f0, f1] = prefixRange(this.forward, head);
    const [b0, b1] = prefixRange(this.backward, reverse(tail));
    const found: string[] = [];
    const consider = (d: string) => {
      if (re.test(d) && !found.includes(d)) found.push(d);
    };
    if (f1 - f0 <= b1 - b0) {
      for (let i = f0; i < f1 && found.length < 2; i++) consider(this.forward[i]);
    } else {
      for (let i = b0; i < b1 && found.length < 2; i++) consider(reverse(this.backward[i]));
    }
    return found;
  }
}

export function resolveObfuscated(obfuscated: ObfuscatedEntry[], known: Iterable<string>): { resolved: ParsedEntry[]; unresolved: ObfuscatedEntry[] } {
  const resolved: ParsedEntry[] = [];
  const unresolved: ObfuscatedEntry[] = [];
  if (obfuscated.length === 0) return { resolved, unresolved };
  const index = new KnownDomains(known);
  for (const entry of obfuscated) {
    let domain: string | undefined;
    if (entry.digest) {
      domain = index.byDigest(entry.digest);
    } else {
      const matches = index.byPattern(entry.pattern);
      domain = matches.length === 1 ? matches[0] : undefined;
    }
    if (domain === undefined) {
      unresolved.push(entry);
      continue;
    }
    resolved.push({
      domain, severity: entry.severity, rejectMedia: entry.rejectMedia, rejectReports: entry.rejectReports,
      publicComment: entry.publicComment, wildcard: false, obfuscatedAs: entry.pattern, line: entry.line,
    });
  }
  return { resolved, unresolved };
}
