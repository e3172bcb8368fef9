/**
 * HTTP client for one Misskey instance. Every call is POST /api/<endpoint> with a JSON body carrying the token
 * as `i`, so reads say so (`read: true`) to be retried like a GET after a network error or 5xx; writes never
 * are, because a write may have landed before the failure. 429 and RATE_LIMIT_EXCEEDED wait for Retry-After or
 * the error's info.resetMs (the shared remote client, ../shared/remote-http.ts, does the waiting).
 * Errors name only the endpoint; the token never appears in a message or detail.
 */
import type { FetchLike } from '../types';
import { parseJsonBody, RemoteHttp } from '../shared/remote-http';
import { misskeyError, readErrorBody } from './remote-errors';

export interface MisskeyClientOptions {
  baseUrl: string;
  token: string;
  fetch: FetchLike;
  sleep?: (ms: number) => Promise<void>;
  maxAttempts?: number;
  timeoutMs?: number;
  /** Longer waits are not slept through: the caller gets rate_limited with retryAt and reschedules. */
  maxWaitMs?: number;
  baseDelayMs?: number;
  random?: () => number;
  now?: () => number;
}

export interface CallOptions {
  /** Reads may be retried after a network error or 5xx; writes may not. */
  read?: boolean;
}

export class MisskeyClient {
  readonly baseUrl: string;
  private readonly token: string;
  private readonly http: RemoteHttp;

  constructor(opts: MisskeyClientOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
    this.token = opts.token;
    this.http = new RemoteHttp({
      ...opts,
      service: 'Misskey',
      secrets: () => [this.token],
      // The label is the endpoint alone: Misskey's messages have always named it that way.
      toError: (answer, endpoint, retryAt) => misskeyError(answer.status, readErrorBody(answer.text, this.token), endpoint, retryAt),
      rateLimit: (answer) => {
        const err = readErrorBody(answer.text, this.token);
        return answer.status === 429 || err.code === 'RATE_LIMIT_EXCEEDED' ? { hintMs: resetMs(err.info) } : null;
      },
    });
  }

  /** Returns the parsed JSON, or null for Misskey's 204 void endpoints. */
  async call(endpoint: string, params: Record<string, unknown> = {}, opts: CallOptions = {}): Promise<unknown> {
    const res = await this.http.send({
      method: 'POST', label: endpoint, idempotent: opts.read ?? false,
      url: `${this.baseUrl}/api/${endpoint}`,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...params, i: this.token }),
    });
    return parseJsonBody(res.text, 'Misskey', endpoint);
  }
}

/** Misskey's RATE_LIMIT_EXCEEDED carries info.resetMs (ms until the limit resets). */
function resetMs(info: unknown): number | null {
  if (!info || typeof info !== 'object' || !('resetMs' in info)) return null;
  const v = info.resetMs;
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.ceil(v) : null;
}
