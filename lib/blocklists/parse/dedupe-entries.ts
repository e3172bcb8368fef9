/**
 * One entry per domain (BlocklistEntry is keyed by source and domain, and a domain listed twice by one source counts
 * once in the merge). Lists do repeat themselves ("example.com" and "*.example.com", or an obfuscated entry that
 * resolves to a domain also listed plainly): the strongest reading wins, so a repeat never weakens a block.
 */
import { SEVERITY_RANK, type ParsedEntry } from '@/lib/blocklists/types';

export function combineEntries(a: ParsedEntry, b: ParsedEntry): ParsedEntry {
  return {
    domain: a.domain,
    severity: SEVERITY_RANK[b.severity] > SEVERITY_RANK[a.severity] ? b.severity : a.severity,
    rejectMedia: a.rejectMedia || b.rejectMedia,
    rejectReports: a.rejectReports || b.rejectReports,
    publicComment: a.publicComment ?? b.publicComment,
    wildcard: a.wildcard || b.wildcard,
    // Listed plainly anywhere: nothing is left to hide.
    obfuscatedAs: a.obfuscatedAs !== null && b.obfuscatedAs !== null ? a.obfuscatedAs : null,
    line: Math.min(a.line, b.line),
  };
}

/** Keeps the order of first appearance. */
export function dedupeEntries(entries: Iterable<ParsedEntry>): ParsedEntry[] {
  const byDomain = new Map<string, ParsedEntry>();
  for (const e of entries) {
    const seen = byDomain.get(e.domain);
    byDomain.set(e.domain, seen ? combineEntries(seen, e) : e);
  }
  return [...byDomain.values()];
}
