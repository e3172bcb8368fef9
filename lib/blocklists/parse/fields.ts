/** The cells every format shares: severity words and yes/no flags, as the lists in the wild spell them. */
import type { Severity } from '@/lib/blocklists/types';

// "limit" is Mastodon's newer UI word for silence, and what Akkoma/FediBlockHole exports call it.
const SEVERITIES: Record<string, Severity> = { suspend: 'suspend', silence: 'silence', limit: 'silence', noop: 'noop', none: 'noop' };

/** Empty means suspend: Mastodon's importer defaults a missing severity to a full block. */
export function parseSeverity(raw: string | undefined | null): Severity | { error: string } {
  const s = (raw ?? '').trim().toLowerCase();
  if (s === '') return 'suspend';
  return SEVERITIES[s] ?? { error: 'unknown severity (expected suspend, silence or noop)' };
}

const TRUE = new Set(['true', '1', 'yes', 't', 'y']);
const FALSE = new Set(['false', '0', 'no', 'f', 'n', '']);

export function parseFlag(raw: string | undefined | null, name: string): boolean | { error: string } {
  const s = (raw ?? '').trim().toLowerCase();
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  return { error: `${name} is not true or false` };
}

/** A comment cell: trimmed, null when empty; the ' our own CSV export puts before a formula-like start is undone. */
export function parseComment(raw: string | undefined | null): string | null {
  let s = (raw ?? '').trim();
  if (/^'[=+\-@\t\r]/.test(s)) s = s.slice(1);
  return s === '' ? null : s;
}
