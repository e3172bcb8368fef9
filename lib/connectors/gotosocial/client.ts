/**
 * HTTP client for one GoToSocial instance: bearer auth, form bodies, Link cursors (ULIDs), rate-limit pauses
 * and bounded retries with backoff. GoToSocial's X-Ratelimit-Reset is an ISO8601 time, which Mastodon's
 * rate-limit reader already measures against the server's Date header. Every failure is an AppError whose
 * message names only the method and path; remote text is redacted so the token never reaches an error.
 */
import { AppError, isAppError } from '../../errors';
import { formBody, type FormValue, type Query } from '../mastodon/client';
import { backoffMs, readRateInfo, retryAfterMs } from '../shared/rate-limit';
import { remoteErrorText } from '../mastodon/remote-text';
import { clean, redact } from '../shared/remote-text';
import type { FetchLike } from '../types';
import { httpError } from './http-errors';
import { parseLinkHeader } from './link-header';

export interface GoToSocialClientOptions {
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

export interface ClientResponse {
  status: number;
  data: unknown;
  links: ReturnType<typeof parseLinkHeader>;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
type RequestOpts = { query?: Query; form?: Record<string, FormValue> };
const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class GoToSocialClient {
  private readonly o: Required<GoToSocialClientOptions>;
  private pausedUntil = 0;

  constructor(opts: GoToSocialClientOptions) {
    this.o = {
      baseUrl: opts.baseUrl.replace(/\/+$/, ''), token: opts.token, fetch: opts.fetch,
      sleep: opts.sleep ?? realSleep, maxAttempts: opts.maxAttempts ?? 4, timeoutMs: opts.timeoutMs ?? 15_000,
      maxWaitMs: opts.maxWaitMs ?? 120_000, baseDelayMs: opts.baseDelayMs ?? 500,
      random: opts.random ?? Math.random, now: opts.now ?? Date.now,
    };
  }

  get(path: string, query?: Query) {
    return this.request('GET', path, { query });
  }

  post(path: string, form?: Record<string, FormValue>, query?: Query) {
    return this.request('POST', path, { form, query });
  }

  async request(method: Method, path: string, opts: RequestOpts = {}): Promise<ClientResponse> {
    const label = `${method} ${path}`;
    const url = this.o.baseUrl + path + queryString(opts.query);
    const body = opts.form ? formBody(opts.form) : undefined;
    for (let attempt = 1; ; attempt++) {
      await this.waitForWindow(label);
      const res = await this.send(method, url, body, label, attempt);
      if (res === 'retry') continue;
      if ((res.status === 429 || res.status >= 500) && attempt < this.o.maxAttempts) {
        await res.body?.cancel();
        await this.wait(this.hintMs(res) ?? backoffMs(attempt, this.o.baseDelayMs, this.o.random), res.status, label);
        continue;
      }
      this.notePause(res.headers);
      const raw = await res.text();
      if (!res.ok) {
        const ms = res.status === 429 ? this.hintMs(res) : null;
        throw httpError(res.status, remoteErrorText(raw, this.o.token), label, ms === null ? null : this.at(ms));
      }
      return { status: res.status, data: parseJson(raw, label), links: parseLinkHeader(res.headers.get('link')) };
    }
  }

  private async send(method: Method, url: string, body: string | undefined, label: string, attempt: number): Promise<Response | 'retry'> {
    try {
      const fetchFn = this.o.fetch; // called unbound: some fetch implementations reject a foreign `this`
      return await fetchFn(url, {
        method,
        headers: {
          Authorization: `Bearer ${this.o.token}`,
          Accept: 'application/json',
          ...(body !== undefined ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
        },
        body,
        redirect: 'manual', // a redirect would carry the token to wherever the server points
        signal: AbortSignal.timeout(this.o.timeoutMs),
      });
    } catch (e) {
      // The app's safe fetch refuses some targets by policy (ssrf_blocked, too_large): final, not transient.
      if (isAppError(e) && e.code !== 'remote_unreachable') throw e;
      const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
      // Only reads are retried after a network failure: a write may have landed before the connection broke.
      if (method === 'GET' && attempt < this.o.maxAttempts) {
        await this.wait(backoffMs(attempt, this.o.baseDelayMs, this.o.random), 0, label);
        return 'retry';
      }
      const reason = timedOut ? `timed out after ${this.o.timeoutMs} ms` : clean(redact(e instanceof Error ? e.message : String(e), this.o.token));
      throw new AppError('remote_unreachable', `GoToSocial ${label}: ${reason}`, {
        userMessage: timedOut ? 'The instance did not answer in time.' : 'The instance could not be reached.',
        details: { reason, attempts: attempt },
      });
    }
  }

  /** Retry-After if sent, else (for 429) the ISO X-Ratelimit-Reset; jitter so clients do not retry in step. */
  private hintMs(res: Response): number | null {
    const now = this.o.now();
    const hinted = retryAfterMs(res.headers, now) ?? (res.status === 429 ? readRateInfo(res.headers, now).resetInMs : null);
    return hinted === null ? null : hinted + Math.floor(this.o.random() * 250);
  }

  private at(ms: number): string {
    return new Date(this.o.now() + ms).toISOString();
  }

  /** Remaining 0 on any response means the next request would be refused: hold back until Reset. */
  private notePause(headers: Headers): void {
    const info = readRateInfo(headers, this.o.now());
    if (info.remaining === 0 && info.resetInMs !== null) this.pausedUntil = this.o.now() + info.resetInMs;
  }

  private async waitForWindow(label: string): Promise<void> {
    const ms = this.pausedUntil - this.o.now();
    this.pausedUntil = 0;
    if (ms > 0) await this.wait(ms, 429, label);
  }

  private async wait(ms: number, status: number, label: string): Promise<void> {
    if (ms > this.o.maxWaitMs) {
      throw status === 429
        ? httpError(429, '', label, this.at(ms))
        : new AppError('remote_error', `GoToSocial ${label}: asked to wait ${ms} ms`, { details: { status, retryAt: this.at(ms) } });
    }
    await this.o.sleep(ms);
  }
}

function queryString(query: Query | undefined): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

function parseJson(raw: string, label: string): unknown {
  if (raw.trim() === '') return null;
  try {
    return JSON.parse(raw);
  } catch {
    throw new AppError('remote_error', `GoToSocial ${label}: response is not JSON`, {
      userMessage: 'The instance sent a response that is not valid JSON.',
    });
  }
}
