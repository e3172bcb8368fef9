/**
 * The limits every server-side fetch runs under. Built in code from instance settings, never from request input.
 */
export type Resolver = (hostname: string) => Promise<string[]>;

export interface FetchPolicy {
  /**
   * The one origin (scheme + host + port, as `URL.origin` spells it) whose addresses skip the range check: the
   * instance's own URL when an owner marked it as a local test host (`--allow-private`). Exactly one origin, never
   * a flag: media URLs are chosen by third parties and redirects by the server, so every other URL, including
   * another port on the same loopback address, keeps the full policy. Build it with `exemptOriginFor`.
   */
  exemptOrigin?: string | null;
  /** Cap on the (decoded) response body; exceeding it aborts the transfer with AppError('too_large'). */
  maxBytes: number;
  /** Total budget for all hops, including reading the body. */
  timeoutMs: number;
  maxRedirects: number;
  /** Replaces dns.lookup. Tests inject one so that no real DNS is consulted; operators could plug a DoH resolver. */
  resolve?: Resolver;
  /**
   * Hostnames whose resolved addresses skip the range check (any port).
   * Exists so tests can stand a "public" host up on loopback and prove that a redirect from it to a forbidden
   * address is still refused. Never fill it from user or remote input.
   */
  unsafeTrustedHosts?: readonly string[];
}

/** For callers without instance-specific limits: public addresses only, JSON-API sized bodies. */
export const DEFAULT_FETCH_POLICY: FetchPolicy = Object.freeze({
  exemptOrigin: null,
  maxBytes: 10 * 1024 * 1024,
  timeoutMs: 30_000,
  maxRedirects: 5,
});

/**
 * The exemption for an instance: its own origin if an owner marked it as a local test host, else none.
 * A base URL that does not parse yields no exemption (fail closed).
 */
export function exemptOriginFor(instance: { baseUrl: string; allowPrivate: boolean }): string | null {
  if (!instance.allowPrivate) return null;
  try {
    const origin = new URL(instance.baseUrl).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}
