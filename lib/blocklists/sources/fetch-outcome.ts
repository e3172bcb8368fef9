/** What one fetch (or upload) of a source did: the CLI prints it, the job logs it. */
import type { Actor } from '@/lib/audit/actor';

export interface FetchOutcome {
  sourceId: string;
  /** The BlocklistFetch row; null when another worker holds the source's lease and nothing was done. */
  fetchId: string | null;
  skipped: 'leased' | null;
  ok: boolean;
  notModified: boolean;
  httpStatus: number | null;
  /** In words, for the page and the CLI. */
  error: string | null;
  entryCount: number;
  badLineCount: number;
  unresolvedCount: number;
  added: number;
  removed: number;
  changed: number;
}

/** Scheduled fetches act as this; an upload or "fetch now" from the CLI passes its own actor. */
export const FETCH_ACTOR: Actor = { type: 'system', label: 'blocklist-fetch' };

export function emptyOutcome(sourceId: string): FetchOutcome {
  return { sourceId, fetchId: null, skipped: null, ok: false, notModified: false, httpStatus: null, error: null, entryCount: 0, badLineCount: 0, unresolvedCount: 0, added: 0, removed: 0, changed: 0 };
}

/** History rows keep at most this many bad lines and domains per list (the counts stay exact). */
export const KEEP_BAD_LINES = 200;
export const KEEP_DOMAINS = 1000;
