/**
 * What a failed CyberTipline call means for the filing. A nonzero responseCode is the service's definite "no"
 * (nothing was applied; the description says why); a failure that may have reached the service (a 5xx, a timeout,
 * a connection broken after sending) may have created a report or a file; anything else (connection refused, 429,
 * a 401/403 refusal) did not reach it in effect and is safe to try again later.
 */
import { isAppError } from '@/lib/errors';
import { mayHaveApplied } from '@/lib/actions/may-have-applied';

export type FailureKind =
  | { kind: 'rejected'; description: string }
  | { kind: 'maybe_applied'; text: string }
  | { kind: 'transient'; text: string; retryAt: Date | null };

export function classifyFailure(e: unknown): FailureKind {
  const text = failureWords(e);
  if (!isAppError(e)) return { kind: 'maybe_applied', text };
  const maybe = e.details?.maybeApplied;
  // A coded answer on a 5xx comes back flagged maybeApplied by the transport: the flag wins (the safe side).
  if (typeof e.details?.responseCode === 'number' && maybe !== true) return { kind: 'rejected', description: e.userMessage };
  if (typeof maybe === 'boolean') return maybe ? { kind: 'maybe_applied', text } : transient(e, text);
  if (e.code === 'rate_limited') return transient(e, text);
  // ncmecHttpError puts the status in httpStatus: a 4xx answer is a refusal before anything was done.
  const status = Number(e.details?.httpStatus ?? e.details?.status ?? 0);
  if (e.code === 'remote_error' && status >= 400 && status < 500) return transient(e, text);
  return mayHaveApplied(e) ? { kind: 'maybe_applied', text } : transient(e, text);
}

/** The words a person sees: the error's user message (already free of credentials), never its internals. */
export function failureWords(e: unknown): string {
  return (isAppError(e) ? e.userMessage : 'Unexpected error while talking to CyberTipline.').slice(0, 1000);
}

function transient(e: { details?: Record<string, unknown> }, text: string): FailureKind {
  const at = typeof e.details?.retryAt === 'string' ? new Date(e.details.retryAt) : null;
  return { kind: 'transient', text, retryAt: at && !Number.isNaN(at.getTime()) ? at : null };
}
