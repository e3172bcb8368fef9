/**
 * The limits every server-side fetch runs under. Built in code from instance settings, never from request input.
 */
export type Resolver = (hostname: string) => Promise<string[]>;

export interface FetchPolicy {
  /** Only for instances an operator explicitly marked as local test hosts (`--allow-private`). */
  allowPrivate: boolean;
  /** Cap on the (decoded) response body; exceeding it aborts the transfer with AppError('too_large'). */
  maxBytes: number;
  /** Total budget for all hops, including reading the body. */
  timeoutMs: number;
  maxRedirects: number;
  /** Replaces dns.lookup. Tests inject one so that no real DNS is consulted; operators could plug a DoH resolver. */
  resolve?: Resolver;
  /**
   * Hostnames whose resolved addresses skip the range check, as if `allowPrivate` were set for that host only.
   * Exists so tests can stand a "public" host up on loopback and prove that a redirect from it to a forbidden
   * address is still refused. Never fill it from user or remote input.
   */
  unsafeTrustedHosts?: readonly string[];
}

/** For callers without instance-specific limits: public addresses only, JSON-API sized bodies. */
export const DEFAULT_FETCH_POLICY: FetchPolicy = Object.freeze({
  allowPrivate: false,
  maxBytes: 10 * 1024 * 1024,
  timeoutMs: 30_000,
  maxRedirects: 5,
});
