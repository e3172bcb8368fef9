/**
 * The shared remote client (RemoteHttp) as the matcher adapters use it: one attempt per call (the guard and the
 * check's backoff decide about retries, so an outage costs one timeout, not four), the matcher's own timeout, the
 * key redacted from every error, and statuses mapped to the codes the guard tells apart.
 */
import { RemoteHttp, redactSecrets } from '@/lib/connectors/shared/remote-http';
import { clean } from '@/lib/connectors/shared/remote-text';
import { AppError } from '@/lib/errors';
import type { MatcherConfig } from './types';

export function matcherHttp(service: string, config: MatcherConfig): RemoteHttp {
  const secrets = config.key ? [config.key] : [];
  return new RemoteHttp({
    service, fetch: config.fetch, secrets: () => secrets, timeoutMs: config.timeoutMs, maxAttempts: 1, maxWaitMs: 0,
    toError: (answer, label, retryAt) => {
      const what = `${service} ${label}: HTTP ${answer.status} ${clean(redactSecrets(answer.text, secrets)).slice(0, 120)}`.trim();
      if (answer.status === 401 || answer.status === 403) {
        return new AppError('unauthorized', what, { userMessage: `${service} refused the key (HTTP ${answer.status}).`, status: 502 });
      }
      if (answer.status === 429) {
        return new AppError('rate_limited', what, { userMessage: `${service} asked us to slow down.`, details: { retryAt } });
      }
      return new AppError('remote_error', what, { userMessage: `${service} answered with HTTP ${answer.status}.` });
    },
  });
}

/** A 2xx body that is not what the protocol promises. */
export function malformed(service: string, label: string, why: string): AppError {
  return new AppError('remote_error', `${service} ${label}: ${why}`, { userMessage: `${service} sent an answer we could not read.` });
}

export function baseOf(url: string): string {
  return url.replace(/\/+$/, '');
}
