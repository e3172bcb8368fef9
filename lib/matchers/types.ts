/**
 * Outside hash matchers (issue 14): services that match hashes against their own banks. They receive hashes only,
 * never images or URLs of images; a service that needs the image itself is not supported, and the settings say so.
 */
export const MATCHER_KINDS = ['hma', 'cloud'] as const;
export type MatcherKind = (typeof MATCHER_KINDS)[number];

/** One hash as sent: the only thing that leaves the server. */
export interface HashQuery {
  signalType: 'pdq' | 'md5';
  /** Lowercase hex (64 for PDQ, 32 for MD5). */
  value: string;
}

/** One hit a service answered. */
export interface OutsideHit {
  signalType: 'pdq' | 'md5';
  /** The hash it matched (one of the queried values). */
  value: string;
  /** The service's bank, list or collection that matched. */
  bank: string;
  /** The service's own label for it, where it gives one. */
  matchLabel: string | null;
  /** PDQ distance where the service says; 0 for exact. */
  distance: number;
}

/** What an adapter is given: where the service lives, its key, and the fetch to use (the SSRF-safe one in the app). */
export interface MatcherConfig {
  baseUrl: string;
  key: string | null;
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  timeoutMs: number;
}

/** One adapter per service kind. Throws AppError (remote_error, rate_limited, unauthorized, remote_unreachable). */
export interface MatcherAdapter {
  readonly kind: MatcherKind;
  /** Plain words for the settings page: what it sends and what the service must offer. */
  readonly description: string;
  lookup(hashes: HashQuery[]): Promise<OutsideHit[]>;
  /** A cheap call that proves the URL and key work (the settings' "Test connection"). */
  check(): Promise<{ ok: boolean; detail: string }>;
}

export interface MatcherInput {
  name: string;
  kind: MatcherKind;
  baseUrl: string;
  /** Absent: keep the stored key; empty string: remove it. */
  key?: string;
  allowPrivate?: boolean;
  enabled: boolean;
  instanceIds: string[];
  signalTypes: ('pdq' | 'md5')[];
  severity: number;
  label: string;
  timeoutMs: number;
  perMinute: number;
}

export interface MatcherView {
  id: string;
  name: string;
  kind: MatcherKind;
  baseUrl: string;
  hasKey: boolean;
  allowPrivate: boolean;
  enabled: boolean;
  instanceIds: string[];
  signalTypes: ('pdq' | 'md5')[];
  severity: number;
  label: string;
  timeoutMs: number;
  perMinute: number;
  /** closed: working; open: failing, not called until openUntil; half_open: the next call decides. */
  circuit: 'closed' | 'open' | 'half_open';
  openUntil: string | null;
  lastError: string | null;
  lastOkAt: string | null;
  hits: number;
  checked: number;
  pendingChecks: number;
}
