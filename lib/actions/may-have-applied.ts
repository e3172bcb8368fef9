import { mayHaveReachedServer } from '@/lib/connectors/shared/retry-policy';
import { isAppError } from '@/lib/errors';

/**
 * Whether a failed send may still have changed the server. A refusal (4xx, 429, unsupported, a policy block) did
 * not; a 5xx, a timeout or a connection broken after the request left may have (the server can act and then fail
 * to answer). Unknown errors count as "may have": the safe side for an outbox is to look before sending again.
 */
export function mayHaveApplied(e: unknown): boolean {
  if (!isAppError(e)) return true;
  if (typeof e.details?.maybeApplied === 'boolean') return e.details.maybeApplied;
  if (e.code === 'remote_unreachable') return mayHaveReachedServer(e);
  if (e.code === 'remote_error') {
    const status = Number(e.details?.status ?? 0);
    return status === 0 || status >= 500;
  }
  return e.code === 'internal';
}
