/**
 * The merged list as Mastodon's domain-block CSV, for other collectives to subscribe to or import. Public
 * comments only: no private comments, no source names, nothing about who decided. Domains are written in full
 * with #obfuscate set, as Mastodon's own export does, so an importing server hides them again on its public page.
 * Cells are CSV-escaped and formula-defused (lib/audit/csv.ts).
 */
import { csvLine } from '@/lib/audit/csv';
import type { MergedBlock } from '@/lib/blocklists/types';

export const MASTODON_CSV_HEADER = ['#domain', '#severity', '#reject_media', '#reject_reports', '#public_comment', '#obfuscate'];

export function toMastodonCsv(blocks: Iterable<MergedBlock>): string {
  const sorted = [...blocks].sort((a, b) => (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0));
  const out = [csvLine(MASTODON_CSV_HEADER)];
  for (const b of sorted) {
    out.push(csvLine([b.domain, b.severity, String(b.rejectMedia), String(b.rejectReports), b.publicComment ?? '', String(b.obfuscate)]));
  }
  return out.join('');
}
