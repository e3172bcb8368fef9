/**
 * The adapter for a stored matcher: its key opened, and the SSRF-safe fetch with the matcher's own timeout, small
 * answer cap and no redirects (a redirect would carry the key elsewhere). The only place a MatcherConfig is built.
 */
import { AppError } from '@/lib/errors';
import type { FetchLike } from '@/lib/connectors/types';
import { exemptOriginFor } from '@/lib/net/fetch-policy';
import { createSafeFetch } from '@/lib/net/safe-fetch';
import { createCloudAdapter } from './cloud/adapter';
import { createHmaAdapter } from './hma/adapter';
import { openMatcherKey } from './matcher-key';
import type { MatcherAdapter, MatcherConfig } from './types';

export interface MatcherRowForAdapter {
  kind: string;
  baseUrl: string;
  keySealed: string | null;
  allowPrivate: boolean;
  timeoutMs: number;
}

const MAX_ANSWER_BYTES = 1024 * 1024;

export async function adapterFor(row: MatcherRowForAdapter, opts: { fetch?: FetchLike } = {}): Promise<MatcherAdapter> {
  const fetch = opts.fetch ?? createSafeFetch({
    exemptOrigin: exemptOriginFor({ baseUrl: row.baseUrl, allowPrivate: row.allowPrivate }), maxBytes: MAX_ANSWER_BYTES,
    timeoutMs: row.timeoutMs, maxRedirects: 0,
  });
  const config: MatcherConfig = { baseUrl: row.baseUrl, key: await openMatcherKey(row), fetch, timeoutMs: row.timeoutMs };
  return adapterOfKind(row.kind, config);
}

export function adapterOfKind(kind: string, config: MatcherConfig): MatcherAdapter {
  if (kind === 'hma') return createHmaAdapter(config);
  if (kind === 'cloud') return createCloudAdapter(config);
  throw new AppError('bad_request', `unknown matcher kind ${kind}`, { userMessage: 'This kind of matcher is not supported.' });
}
