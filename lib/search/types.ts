/** View models of the search results (JSON-safe; the page and the API share them). */
export const SEARCH_KINDS = ['reports', 'accounts', 'domains', 'posts', 'notes', 'hashes'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchItem {
  /** Stable within its group (a row id, a handle, a domain). */
  id: string;
  title: string;
  /** One short line of context: instance, status, counts. */
  detail: string;
  /** Plain text with the match in it (never HTML). */
  excerpt: string;
  /** Where Enter goes: a page of ours, or (external true) the post on its server; null when nothing to open. */
  href: string | null;
  external: boolean;
  /** ISO date the group is sorted by. */
  at: string | null;
  /** For hash hits: the media to show as a blurred thumbnail. */
  mediaId?: string | null;
}

export interface SearchGroup {
  kind: SearchKind;
  /** How many matched, capped ("50+"). */
  total: string;
  items: SearchItem[];
}

export interface SearchResult {
  q: string;
  groups: SearchGroup[];
}
