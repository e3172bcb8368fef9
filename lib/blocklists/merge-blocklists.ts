/**
 * The team's merged blocklist: which domains the enabled sources, together, want blocked, and how hard. Pure.
 * A domain counts once per source; it is blocked when `threshold` sources list it or one trusted source does;
 * the allowlist (a domain and its subdomains) and the team's own domains (and every parent of one, since a block
 * on example.com covers social.example.com) always win and are reported as exclusions.
 */
import {
  SEVERITY_RANK, type ExcludedDomain, type ExcludedReason, type MergedBlock, type MergePolicy, type MergeResult,
  type MergeSource, type Severity,
} from '@/lib/blocklists/types';

type Entry = MergeSource['entries'][number];
interface Listing { source: MergeSource; entry: Entry }

const SEVERITIES_DESC: Severity[] = ['suspend', 'silence', 'noop'];
const MAX_COMMENT = 1000;

function cleanDomain(raw: string): string {
  let s = raw.trim().toLowerCase();
  if (s.startsWith('*.')) s = s.slice(2);
  if (s.endsWith('.')) s = s.slice(0, -1);
  return s;
}

/** An instance's domain may carry a port (test hosts); blocks are per host. */
function hostOf(raw: string): string {
  return cleanDomain(raw).replace(/:\d+$/, '');
}

/** The domain and each parent: a.b.example → a.b.example, b.example, example. */
function* selfAndParents(domain: string): Generator<string> {
  let d = domain;
  for (;;) {
    yield d;
    const dot = d.indexOf('.');
    if (dot < 0) return;
    d = d.slice(dot + 1);
  }
}

function strongest(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a;
}

/** One source's entries, one per domain: a repeat never weakens an entry. */
function perSource(source: MergeSource): Map<string, Entry> {
  const byDomain = new Map<string, Entry>();
  for (const raw of source.entries) {
    const entry = { ...raw, domain: cleanDomain(raw.domain) };
    const seen = byDomain.get(entry.domain);
    byDomain.set(entry.domain, !seen ? entry : {
      ...seen,
      severity: strongest(seen.severity, entry.severity),
      rejectMedia: seen.rejectMedia || entry.rejectMedia,
      rejectReports: seen.rejectReports || entry.rejectReports,
      publicComment: seen.publicComment ?? entry.publicComment,
      obfuscatedAs: seen.obfuscatedAs ?? entry.obfuscatedAs,
    });
  }
  return byDomain;
}

function combine(domain: string, listings: Listing[], policy: MergePolicy): MergedBlock {
  const need = Math.max(1, policy.threshold);
  let severity: Severity = 'noop';
  let rejectMedia = false;
  let rejectReports = false;
  if (policy.severity === 'max') {
    for (const { entry } of listings) {
      severity = strongest(severity, entry.severity);
      rejectMedia ||= entry.rejectMedia;
      rejectReports ||= entry.rejectReports;
    }
  } else {
    // 'agreed': the strongest level that enough sources (or one trusted) list at or above.
    const agreed = (ok: (e: Entry) => boolean) => {
      const agreeing = listings.filter((l) => ok(l.entry));
      return agreeing.length >= need || agreeing.some((l) => l.source.trusted);
    };
    severity = SEVERITIES_DESC.find((s) => agreed((e) => SEVERITY_RANK[e.severity] >= SEVERITY_RANK[s])) ?? 'noop';
    rejectMedia = agreed((e) => e.rejectMedia);
    rejectReports = agreed((e) => e.rejectReports);
  }
  const comments: string[] = [];
  for (const { entry } of listings) {
    const c = entry.publicComment?.trim();
    if (c && !comments.includes(c)) comments.push(c);
  }
  const joined = comments.join('; ');
  return {
    domain, severity, rejectMedia, rejectReports,
    publicComment: joined === '' ? null : joined.length > MAX_COMMENT ? `${joined.slice(0, MAX_COMMENT - 1)}…` : joined,
    obfuscate: listings.some((l) => l.entry.obfuscatedAs !== null),
    sourceIds: listings.map((l) => l.source.id),
  };
}

export function mergeBlocklists(input: { sources: MergeSource[]; policy: MergePolicy; allow: Iterable<string>; own: Iterable<string> }): MergeResult {
  const allow = new Set<string>();
  for (const a of input.allow) allow.add(cleanDomain(a));
  const ownAndParents = new Set<string>();
  for (const o of input.own) for (const d of selfAndParents(hostOf(o))) ownAndParents.add(d);

  // Sorted by id so sourceIds and joined comments do not depend on the order sources were loaded in.
  const sources = [...input.sources].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const listings = new Map<string, Listing[]>();
  for (const source of sources) {
    for (const [domain, entry] of perSource(source)) {
      const list = listings.get(domain);
      if (list) list.push({ source, entry });
      else listings.set(domain, [{ source, entry }]);
    }
  }

  const blocks = new Map<string, MergedBlock>();
  const excluded: ExcludedDomain[] = [];
  const exclude = (domain: string, reason: ExcludedReason, list: Listing[]) =>
    excluded.push({ domain, reason, sourceIds: list.map((l) => l.source.id) });
  for (const [domain, list] of listings) {
    let allowed = false;
    for (const d of selfAndParents(domain)) if (allow.has(d)) { allowed = true; break; }
    if (allowed) exclude(domain, 'allowlist', list);
    else if (ownAndParents.has(domain)) exclude(domain, 'own_domain', list);
    else if (list.length < input.policy.threshold && !list.some((l) => l.source.trusted)) exclude(domain, 'below_threshold', list);
    else blocks.set(domain, combine(domain, list, input.policy));
  }
  excluded.sort((a, b) => (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0));
  return { blocks, excluded };
}
