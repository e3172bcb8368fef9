/**
 * What the three formats share once a row is split into cells: the domain checks, obfuscated names, the caps, the
 * bad-line record, and one entry per domain. A list is hostile input, so every refusal is a bad line with a reason
 * and the rest of the list still lands.
 */
import type { BadLine, DetectedFormat, ObfuscatedEntry, ParsedEntry, ParseResult, Severity } from '@/lib/blocklists/types';
import { dedupeEntries } from './dedupe-entries';
import { normalizeBlockDomain, stripBlockDomain } from './normalize-domain';
import { obfuscateDomain } from './obfuscate-domain';

export const MAX_LINE_CHARS = 1000;
export const MAX_ENTRIES = 200_000;
const BAD_TEXT_CHARS = 200;
const PATTERN = /^[a-z0-9.*-]+$/;

export interface RowFields {
  line: number;
  domain: string;
  severity: Severity;
  rejectMedia: boolean;
  rejectReports: boolean;
  publicComment: string | null;
  /** The list asks for the name to be shown obfuscated (Mastodon CSV #obfuscate). */
  obfuscate: boolean;
  /** Hex SHA-256 of the real name (Mastodon's public JSON), when given. */
  digest: string | null;
}

/** Control characters (NUL, escapes) would garble the source page; the text is for a person to recognise the line. */
export function badLineText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').slice(0, BAD_TEXT_CHARS);
}

export class EntryCollector {
  private readonly entries: ParsedEntry[] = [];
  private readonly obfuscated: ObfuscatedEntry[] = [];
  private readonly bad: BadLine[] = [];
  private kept = 0;
  private dropped = 0;
  private firstDroppedLine = 0;

  /** Past the entry cap nothing more is read, only counted. Returns true when the row was dropped. */
  private overCap(line: number): boolean {
    if (this.kept < MAX_ENTRIES) return false;
    if (this.dropped === 0) this.firstDroppedLine = line;
    this.dropped++;
    return true;
  }

  addBad(line: number, text: string, error: string): void {
    if (this.overCap(line)) return;
    this.bad.push({ line, text: badLineText(text), error });
  }

  add(row: RowFields, rawText: string): void {
    if (this.overCap(row.line)) return;
    const stripped = stripBlockDomain(row.domain);
    if ('error' in stripped) return this.addBad(row.line, rawText, stripped.error);
    if (stripped.text.includes('*')) {
      const pattern = stripped.text;
      if (!PATTERN.test(pattern) || pattern.length > 253) return this.addBad(row.line, rawText, 'obfuscated domain with characters a domain cannot have');
      this.kept++;
      this.obfuscated.push({
        pattern, digest: row.digest, severity: row.severity, rejectMedia: row.rejectMedia, rejectReports: row.rejectReports,
        publicComment: row.publicComment, line: row.line,
      });
      return;
    }
    const n = normalizeBlockDomain(row.domain);
    if ('error' in n) return this.addBad(row.line, rawText, n.error);
    this.kept++;
    this.entries.push({
      domain: n.domain, severity: row.severity, rejectMedia: row.rejectMedia, rejectReports: row.rejectReports,
      publicComment: row.publicComment, wildcard: n.wildcard, obfuscatedAs: row.obfuscate ? obfuscateDomain(n.domain) : null,
      line: row.line,
    });
  }

  result(format: DetectedFormat): ParseResult {
    const bad = [...this.bad];
    if (this.dropped > 0) {
      bad.push({
        line: this.firstDroppedLine, text: '',
        error: `${this.dropped.toLocaleString('en-US')} more entries dropped: a list is read up to ${MAX_ENTRIES.toLocaleString('en-US')} entries`,
      });
    }
    return { format, entries: dedupeEntries(this.entries), obfuscated: this.obfuscated, bad };
  }
}
