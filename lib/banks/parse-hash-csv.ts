/**
 * Validates an uploaded hash list, one `hash[,label]` per line (pure: no I/O, unit-tested).
 *
 * Lines that cannot be trusted are rejected with a reason instead of stopping the import: lists from partner
 * organisations are often hand-edited, and a summary lets the admin fix the file and re-import (duplicates are
 * skipped then). Labels are stored as plain text whatever they look like; the UI escapes them and the exporter
 * neutralizes formula-looking ones.
 */
import { ENTRY_LABEL_MAX, HEX_LENGTH, LABEL_CONTROL, type Signal } from './bank-fields';

export interface AcceptedLine { value: string; label: string | null; line: number; signalType: Signal }
export interface RejectedLine { line: number; text: string; reason: string }
export interface ParsedHashCsv { accepted: AcceptedLine[]; rejected: RejectedLine[] }

const TEXT_MAX = 120;
const HEADER = /^"?hash"?\s*(,\s*"?label"?\s*)?$/i;
const HEX = /^[0-9a-f]+$/;
// Our exporter (like OWASP's advice) writes '=… for formula-looking labels; undoing it keeps export → import exact.
const ESCAPED_FORMULA = /^'[=+\-@\t\r]/;
const ZERO_PDQ = '0'.repeat(64);

export function parseHashCsv(text: string, opts: { signal?: Signal } = {}): ParsedHashCsv {
  const accepted: AcceptedLine[] = [];
  const rejected: RejectedLine[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let seenContent = false;
  lines.forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    const first = !seenContent;
    seenContent = true;
    if (first && HEADER.test(trimmed)) return;
    const result = parseLine(trimmed, opts.signal);
    if (typeof result === 'string') rejected.push({ line, text: truncate(trimmed), reason: result });
    else accepted.push({ ...result, line });
  });
  return { accepted, rejected };
}

/** One content line: the entry, or the reason it was refused. */
function parseLine(trimmed: string, forced: Signal | undefined): Omit<AcceptedLine, 'line'> | string {
  const comma = trimmed.indexOf(',');
  const hash = (comma < 0 ? trimmed : trimmed.slice(0, comma)).trim().toLowerCase();
  const label = comma < 0 ? null : parseLabel(trimmed.slice(comma + 1).trim());
  if (!hash) return 'missing hash';
  if (!HEX.test(hash)) return 'not hex';
  const signalType = forced ?? detectSignal(hash.length);
  if (!signalType || hash.length !== HEX_LENGTH[signalType]) return wrongLength(hash.length, forced);
  if (signalType === 'pdq' && hash === ZERO_PDQ) return 'PDQ of all zeros (the hash of a blank or too-small image)';
  if (typeof label === 'object' && label !== null) return label.error;
  return { value: hash, label: label || null, signalType };
}

function detectSignal(length: number): Signal | undefined {
  // 64 hex is ambiguous (PDQ or SHA-256); PDQ is the common case for shared lists, SHA-256 needs --signal.
  if (length === 64) return 'pdq';
  if (length === 32) return 'md5';
  return undefined;
}

function wrongLength(length: number, forced: Signal | undefined): string {
  if (forced) return `wrong length: ${length} hex characters, ${forced} needs ${HEX_LENGTH[forced]}`;
  return `wrong length: ${length} hex characters (expected 32 for md5 or 64 for pdq/sha256)`;
}

/** The label cell: plain, or RFC 4180 quoted (so labels may hold commas and quotes). */
function parseLabel(cell: string): string | { error: string } {
  let value = cell;
  if (cell.startsWith('"')) {
    const m = /^"((?:[^"]|"")*)"$/.exec(cell);
    if (!m) return { error: 'malformed quoted label' };
    value = m[1].replace(/""/g, '"');
  } else if (cell.includes(',')) {
    return { error: 'too many columns (quote a label that contains commas)' };
  }
  if (ESCAPED_FORMULA.test(value)) value = value.slice(1);
  if (LABEL_CONTROL.test(value)) return { error: 'label contains control characters' };
  if (value.length > ENTRY_LABEL_MAX) return { error: `label too long (more than ${ENTRY_LABEL_MAX} characters)` };
  return value.trim();
}

/** The line as shown back to the admin: shortened, and without control characters (they could drive a terminal). */
function truncate(s: string): string {
  const shown = s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return shown.length > TEXT_MAX ? `${shown.slice(0, TEXT_MAX)}…` : shown;
}
