/**
 * The retry policy every connector shares (pure, no I/O). A request is re-sent only when re-sending cannot do
 * anything twice: reads after a 5xx or a broken connection, and any request after a 429 (the server refused it
 * before acting). A write that met a 5xx or a broken connection may already have taken effect, so the client
 * hands it back at once, flagged, and the outbox decides (it can re-read the remote state first).
 */
import { isAppError } from '../../errors';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export function isIdempotentMethod(method: HttpMethod): boolean {
  return method === 'GET' || method === 'HEAD';
}

/** Exponential backoff with jitter, capped so a long run of failures never waits minutes in one sleep. */
export function cappedBackoffMs(attempt: number, baseMs: number, capMs: number, random: () => number): number {
  return Math.min(capMs, baseMs * 2 ** (attempt - 1) + Math.floor(random() * baseMs));
}

/** Jitter added to a server's own hint, so clients told the same reset time do not all come back in step. */
export function jitteredHintMs(hintMs: number, random: () => number): number {
  return hintMs + Math.floor(random() * 250);
}

// Errors raised before a single byte of the request left this machine: the server cannot have acted.
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'ERR_INVALID_URL']);

/** True when a failed exchange may have reached the server (a timeout or a reset after connecting). */
export function mayHaveReachedServer(e: unknown): boolean {
  const codes: unknown[] = [];
  if (isAppError(e)) codes.push(e.details?.errno);
  for (let c: unknown = e, depth = 0; c && typeof c === 'object' && depth < 4; depth++) {
    codes.push((c as { code?: unknown }).code);
    c = (c as { cause?: unknown }).cause;
  }
  return !codes.some((c) => typeof c === 'string' && NEVER_SENT.has(c));
}
