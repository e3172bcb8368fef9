/** Pure: one source's entries keyed by domain, and what changed between two fetches of it. */
import { SEVERITY_RANK, type ParsedEntry, type Severity } from '@/lib/blocklists/types';

export type EntryData = Pick<ParsedEntry, 'domain' | 'severity' | 'rejectMedia' | 'rejectReports' | 'publicComment' | 'wildcard' | 'obfuscatedAs'>;

/**
 * A list may name a domain twice ("example.com" and "*.example.com", or a resolved obfuscated line); the table holds
 * one row per domain, so the lines are folded: the strongest severity, flags OR-ed, the first comment given.
 */
export function foldEntries(entries: EntryData[]): Map<string, EntryData> {
  const out = new Map<string, EntryData>();
  for (const e of entries) {
    const had = out.get(e.domain);
    if (!had) {
      out.set(e.domain, { domain: e.domain, severity: e.severity, rejectMedia: e.rejectMedia, rejectReports: e.rejectReports, publicComment: e.publicComment, wildcard: e.wildcard, obfuscatedAs: e.obfuscatedAs });
      continue;
    }
    had.severity = stronger(had.severity, e.severity);
    had.rejectMedia ||= e.rejectMedia;
    had.rejectReports ||= e.rejectReports;
    had.publicComment ??= e.publicComment;
    had.wildcard ||= e.wildcard;
    // A plain listing of the domain wins over an obfuscated one: the list did name it.
    if (had.obfuscatedAs !== null && e.obfuscatedAs === null) had.obfuscatedAs = null;
  }
  return out;
}

export interface EntryChanges {
  added: EntryData[];
  removed: string[];
  changed: EntryData[];
}

export function compareEntries(before: Map<string, EntryData>, after: Map<string, EntryData>): EntryChanges {
  const added: EntryData[] = [];
  const changed: EntryData[] = [];
  for (const [domain, e] of after) {
    const was = before.get(domain);
    if (!was) added.push(e);
    else if (!sameEntry(was, e)) changed.push(e);
  }
  const removed = [...before.keys()].filter((d) => !after.has(d));
  const byDomain = (a: { domain: string }, b: { domain: string }) => (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0);
  return { added: added.sort(byDomain), removed: removed.sort(), changed: changed.sort(byDomain) };
}

function sameEntry(a: EntryData, b: EntryData): boolean {
  return a.severity === b.severity && a.rejectMedia === b.rejectMedia && a.rejectReports === b.rejectReports
    && a.publicComment === b.publicComment && a.wildcard === b.wildcard && a.obfuscatedAs === b.obfuscatedAs;
}

function stronger(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a;
}
