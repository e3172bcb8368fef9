import { isAppError } from '@/lib/errors';

/** Transient failures are retried by the job queue; a refusal (403, 422, unsupported) will not change by retrying. */
export function isRetryable(e: unknown): boolean {
  if (!isAppError(e)) return true;
  if (e.code === 'rate_limited' || e.code === 'remote_unreachable') return true;
  if (e.code === 'remote_error') {
    const status = Number(e.details?.status ?? 0);
    return status === 0 || status >= 500;
  }
  return false;
}

export function failureText(e: unknown): string {
  if (!isAppError(e)) return 'Unexpected error while performing the action.';
  const remote = e.details?.remoteError ? String(e.details.remoteError) : null;
  const status = e.details?.status ? ` (HTTP ${String(e.details.status)})` : '';
  const text = remote && !e.userMessage.includes(remote) ? `${e.userMessage} ${remote}` : e.userMessage;
  return `${text}${status}`.slice(0, 1000);
}
