/**
 * HTTP client for one Misskey instance. Every call is POST /api/<endpoint> with a JSON body carrying the token
 * as `i`. 429s are retried after Retry-After (or the error's info.resetMs) through the injected sleep; network
 * failures and 5xx are retried only for reads, because a write may have landed before the failure.
 * Errors name only the endpoint; the token never appears in a message or detail.
 */
import { AppError, isAppError } from '../../errors';
import type { FetchLike } from '../types';
import { misskeyError, readErrorBody } from './remote-errors';
import { clean, redact } from '../shared/remote-text';

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

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class MisskeyClient {
  private readonly o: Required<MisskeyClientOptions>;

  constructor(opts: MisskeyClientOptions) {
    this.o = {
      baseUrl: opts.baseUrl.replace(/\/+$/, ''),
      token: opts.token,
      fetch: opts.fetch,
      sleep: opts.sleep ?? realSleep,
      maxAttempts: opts.maxAttempts ?? 4,
      timeoutMs: opts.timeoutMs ?? 15_000,
      maxWaitMs: opts.maxWaitMs ?? 120_000,
      baseDelayMs: opts.baseDelayMs ?? 500,
      random: opts.random ?? Math.random,
      now: opts.now ?? Date.now,
    };
  }

  get baseUrl(): string {
    return this.o.baseUrl;
  }

  /** Returns the parsed JSON, or null for Misskey's 204 void endpoints. */
  async call(endpoint: string, params: Record<string, unknown> = {}, opts: CallOptions = {}): Promise<unknown> {
    const body = JSON.stringify({ ...params, i: this.o.token });
    for (let attempt = 1; ; attempt++) {
      const res = await this.send(endpoint, body, attempt, opts.read ?? false);
      if (res === 'retry') continue;
      if (res.ok) return parseJson(await res.text(), endpoint);
      const raw = await res.text();
      const err = readErrorBody(raw, this.o.token);
      const retryable = res.status === 429 || err.code === 'RATE_LIMIT_EXCEEDED' || (res.status >= 500 && opts.read);
      const delay = this.retryDelay(res, err.info, attempt);
      if (retryable && attempt < this.o.maxAttempts && delay <= this.o.maxWaitMs) {
        await this.o.sleep(delay);
        continue;
      }
      const retryAt = res.status === 429 ? new Date(this.o.now() + delay).toISOString() : null;
      throw misskeyError(res.status, err, endpoint, retryAt);
    }
  }

  private async send(endpoint: string, body: string, attempt: number, read: boolean): Promise<Response | 'retry'> {
    try {
      const fetchFn = this.o.fetch; // called unbound: some fetch implementations reject a foreign `this`
      return await fetchFn(`${this.o.baseUrl}/api/${endpoint}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body,
        redirect: 'manual', // a redirect could carry the body, and so the token, elsewhere
        signal: AbortSignal.timeout(this.o.timeoutMs),
      });
    } catch (e) {
      // The app's safe fetch refuses some targets by policy (ssrf_blocked, too_large): final, not transient.
      if (isAppError(e) && e.code !== 'remote_unreachable') throw e;
      const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
      if (read && attempt < this.o.maxAttempts) {
        await this.o.sleep(this.backoff(attempt));
        return 'retry';
      }
      const reason = timedOut ? `timed out after ${this.o.timeoutMs} ms` : clean(redact(e instanceof Error ? e.message : String(e), this.o.token));
      throw new AppError('remote_unreachable', `Misskey ${endpoint}: ${reason}`, {
        userMessage: timedOut ? 'The instance did not answer in time.' : 'The instance could not be reached.',
        details: { reason, attempts: attempt },
      });
    }
  }

  /** Retry-After (seconds) first, then Misskey's info.resetMs, else exponential backoff with jitter. */
  private retryDelay(res: Response, info: unknown, attempt: number): number {
    const header = res.headers.get('retry-after')?.trim();
    if (header && /^\d+$/.test(header)) return Number(header) * 1000 + Math.floor(this.o.random() * 250);
    const resetMs = info && typeof info === 'object' ? (info as Record<string, unknown>).resetMs : undefined;
    if (typeof resetMs === 'number' && Number.isFinite(resetMs) && resetMs >= 0) return Math.ceil(resetMs) + Math.floor(this.o.random() * 250);
    return this.backoff(attempt);
  }

  private backoff(attempt: number): number {
    return this.o.baseDelayMs * 2 ** (attempt - 1) + Math.floor(this.o.random() * this.o.baseDelayMs);
  }
}

function parseJson(raw: string, endpoint: string): unknown {
  if (raw.trim() === '') return null;
  try {
    return JSON.parse(raw);
  } catch {
    throw new AppError('remote_error', `Misskey ${endpoint}: response is not JSON`, {
      userMessage: 'The instance sent a response that is not valid JSON.',
    });
  }
}
