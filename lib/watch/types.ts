/** Watch lists (issue 14): hashtags, keywords and link domains watched across the connected instances. */
export const WATCH_KINDS = ['hashtag', 'keyword', 'domain'] as const;
export type WatchKind = (typeof WATCH_KINDS)[number];

export interface WatchTermInput {
  kind: WatchKind;
  /** As typed ("#Trade", "example.org", "https://Example.org/x"); normalized by lib/watch/normalize-term.ts. */
  value: string;
  note?: string;
  enabled?: boolean;
  /** Empty: every instance. */
  instanceIds?: string[];
}

export interface WatchTermView {
  id: string;
  kind: WatchKind;
  value: string;
  note: string;
  enabled: boolean;
  instanceIds: string[];
  hits: number;
  /** Hits in the last 24 hours. */
  recentHits: number;
  lastHitAt: string | null;
  createdAt: string;
}

/** Per instance: what can be watched there (from the connector's capabilities) and how the scan is doing. */
export interface WatchInstanceView {
  instanceId: string;
  name: string;
  kind: string;
  recentPosts: boolean;
  hashtagLookup: boolean;
  keywordLookup: boolean;
  webhook: boolean;
  note: string;
  lastScanAt: string | null;
  lastError: string | null;
}

/** Stored on Report.watchTerms for a watch item. */
export interface WatchTermRef {
  termId: string;
  kind: WatchKind;
  value: string;
  via: 'timeline' | 'tag' | 'search' | 'webhook';
}
