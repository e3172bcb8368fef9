/**
 * Reading rate-limit headers (Mastodon's and GoToSocial's X-RateLimit-*, anyone's Retry-After) for the shared
 * remote client (remote-http.ts); backoff without a hint is in retry-policy.ts. X-RateLimit-Reset is an absolute
 * ISO time on the server's clock, so it is measured against the server's own Date header when present, which
 * makes clock skew harmless.
 */
export interface RateInfo {
  remaining: number | null;
  /** Milliseconds until the window resets, or null if the server did not say. */
  resetInMs: number | null;
}

export function readRateInfo(headers: Headers, now: number): RateInfo {
  const remainingRaw = headers.get('x-ratelimit-remaining');
  const remaining = remainingRaw !== null && /^\d+$/.test(remainingRaw.trim()) ? Number(remainingRaw) : null;
  const reset = Date.parse(headers.get('x-ratelimit-reset') ?? '');
  const serverNow = Date.parse(headers.get('date') ?? '');
  const base = Number.isFinite(serverNow) ? serverNow : now;
  return { remaining, resetInMs: Number.isFinite(reset) ? Math.max(0, reset - base) : null };
}

/** Retry-After as seconds or an HTTP date. */
export function retryAfterMs(headers: Headers, now: number): number | null {
  const raw = headers.get('retry-after')?.trim();
  if (!raw) return null;
  if (/^\d+$/.test(raw)) return Number(raw) * 1000;
  const at = Date.parse(raw);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
}
