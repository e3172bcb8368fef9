/**
 * The team's merged blocklist as of now: every enabled source's entries under the team policy, minus the
 * allowlist and the team's own domains (every connected instance, whoever is looking: a limited moderator's
 * preview must not propose blocking a sibling instance either).
 */
import { db } from '@/lib/db';
import type { Severity, MergePolicy, MergeResult, MergeSource } from './types';
import { mergeBlocklists } from './merge-blocklists';
import { getPolicy } from './policy/get-policy';

export interface LoadedMerge {
  policy: MergePolicy;
  sources: { id: string; name: string }[];
  merged: MergeResult;
}

export async function ownDomains(): Promise<string[]> {
  const rows = await db.instance.findMany({ select: { domain: true, baseUrl: true } });
  const out = new Set<string>();
  for (const r of rows) {
    if (r.domain) out.add(r.domain.toLowerCase());
    try { out.add(new URL(r.baseUrl).hostname.toLowerCase()); } catch { /* a stored base URL always parses */ }
  }
  return [...out];
}

export async function loadMerged(): Promise<LoadedMerge> {
  const [policy, rows, allow, own] = await Promise.all([
    getPolicy(),
    db.blocklistSource.findMany({
      where: { enabled: true },
      select: { id: true, name: true, trusted: true, entries: { select: { domain: true, severity: true, rejectMedia: true, rejectReports: true, publicComment: true, wildcard: true, obfuscatedAs: true } } },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    }),
    db.blocklistAllow.findMany({ select: { domain: true } }),
    ownDomains(),
  ]);
  const sources: MergeSource[] = rows.map((s) => ({
    id: s.id, name: s.name, trusted: s.trusted,
    entries: s.entries.map((e) => ({ ...e, severity: e.severity as Severity })),
  }));
  const merged = mergeBlocklists({ sources, policy, allow: allow.map((a) => a.domain), own });
  return { policy, sources: rows.map((s) => ({ id: s.id, name: s.name })), merged };
}
