/**
 * How case facts read to a moderator: how a copy was recognised, what a lookup found, a copy's state. Pure (no
 * React), so the wording is unit-tested and the same on the list, the case page and the CLI's human output.
 */
import type { CaseCopyState, CaseCopyView, CaseLookupView, CaseState } from '@/lib/cases/types';
import { SEVERITY_WORDS } from '@/lib/banks/bank-fields';
import { VARIANT_TEXT } from '@/components/queue/match-badge';

export function describeFoundBy(c: Pick<CaseCopyView, 'foundBy' | 'distance' | 'variant'>): string {
  switch (c.foundBy) {
    case 'sha256': return 'Same file (SHA-256)';
    case 'md5': return 'Same file (MD5)';
    case 'origin_uri': return 'Same post (origin URI)';
    case 'media_url': return 'Same file URL';
    case 'pdq': {
      const parts = ['PDQ'];
      if (c.distance !== null) parts.push(`distance ${c.distance}`);
      if (c.variant && VARIANT_TEXT[c.variant]) parts.push(VARIANT_TEXT[c.variant]);
      return `Looks the same (${parts.join(', ')})`;
    }
  }
}

export type LookupTone = 'neutral' | 'ok' | 'warn' | 'danger' | 'info';

/** One instance's lookup: a short status and, where there is one, the reason or error (our own text, escaped). */
export function describeLookup(l: Pick<CaseLookupView, 'status' | 'found' | 'detail'>): { text: string; tone: LookupTone; detail: string | null } {
  switch (l.status) {
    case 'queued':
    case 'running': return { text: 'Searching…', tone: 'info', detail: null };
    case 'none': return { text: 'None found', tone: 'neutral', detail: l.detail };
    case 'found': return { text: `${l.found} found`, tone: 'warn', detail: l.detail };
    case 'cannot_check': return { text: 'Cannot check without fetching', tone: 'neutral', detail: l.detail };
    case 'error': return { text: 'Error', tone: 'danger', detail: l.detail };
  }
}

export const isSearching = (lookups: readonly Pick<CaseLookupView, 'status'>[]) => lookups.some((l) => l.status === 'queued' || l.status === 'running');

export const COPY_STATE_TEXT: Record<CaseCopyState, string> = { present: 'Present', removed: 'Removed', cannot_check: 'Cannot check', error: 'Error' };

export const CASE_STATE_TONE: Record<CaseState, 'info' | 'warn' | 'ok' | 'neutral'> = { open: 'info', purging: 'warn', purged: 'ok', closed: 'neutral' };

export function severityText(n: number): string {
  return n > 0 ? `severity ${n}${SEVERITY_WORDS[n] ? ` (${SEVERITY_WORDS[n]})` : ''}` : 'severity not set';
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
