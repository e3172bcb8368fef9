/**
 * HTTP client for one PeerTube instance: OAuth session (see session.ts), JSON bodies, bounded retries with
 * backoff on 429 and 5xx honouring Retry-After (PeerTube sends it with its X-RateLimit-* headers). Errors
 * never contain the token, the password or the client secret.
 */
import { AppError, isAppError } from '../../errors';
import type { FetchLike } from '../types';
import { backoffMs, retryAfterMs } from '../shared/rate-limit';
import { clean } from '../shared/remote-text';
import { httpError, problemText, redactAll } from './problem';
import { PeerTubeSession } from './session';

export type Query = Record<string, string | number | undefined>;
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface PeerTubeClientOptions {
  baseUrl: string;
  token: string;
  fetch: FetchLike;
  sleep?: (ms: number) => Promise<void>;
  maxAttempts?: number;
  timeoutMs?: number;
  /** Longer waits are not slept through: the caller gets rate_limited and reschedules. */
  maxWaitMs?: number;
  baseDelayMs?: number;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class PeerTubeClient {
  readonly baseUrl: string;
  private readonly o: Required<Omit<PeerTubeClientOptions, 'baseUrl' | 'token'>>;
  private readonly session: PeerTubeSession;

  constructor(opts: PeerTubeClientOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
    this.o = {
      fetch: opts.fetch,
      sleep: opts.sleep ?? realSleep,
      maxAttempts: opts.maxAttempts ?? 4,
      timeoutMs: opts.timeoutMs ?? 15_000,
      maxWaitMs: opts.maxWaitMs ?? 120_000,
      baseDelayMs: opts.baseDelayMs ?? 500,
    };
    this.session = new PeerTubeSession(opts.token, (method, path, init) => this.raw(method, path, init));
  }

  /** An authenticated API call. A 401 renews the session once (refresh, then password) and retries. */
  async request(method: Method, path: string, opts: { query?: Query; json?: unknown } = {}): Promise<unknown> {
    const label = `${method} ${path}`;
    const body = opts.json === undefined ? undefined : JSON.stringify(opts.json);
    const headers = (token: string): Record<string, string> => ({
      Authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    });
    let res = await this.raw(method, path + queryString(opts.query), { headers: headers(await this.session.accessToken()), body });
    if (res.status === 401 && (await this.session.renew())) {
      await res.body?.cancel();
      res = await this.raw(method, path + queryString(opts.query), { headers: headers(await this.session.accessToken()), body });
    }
    return this.read(res, label);
  }

  /** Turns a final response into parsed JSON or an AppError with the secrets redacted. */
  async read(res: Response, label: string): Promise<unknown> {
    const raw = await res.text();
    if (!res.ok) throw httpError(res.status, problemText(raw, this.session.secrets()), label, this.retryAt(res));
    if (raw.trim() === '') return null; // 204 from PUT /abuses and the blocklist writes
    try {
      return JSON.parse(raw);
    } catch {
      throw new AppError('remote_error', `PeerTube ${label}: response is not JSON`, {
        userMessage: 'The instance sent a response that is not valid JSON.',
      });
    }
  }

  /** One HTTP exchange with retries on 429/5xx and (for reads) network failures; no auth handling. */
  async raw(method: Method, pathAndQuery: string, init: { headers?: Record<string, string>; body?: string }): Promise<Response> {
    const label = `${method} ${pathAndQuery.split('?')[0]}`;
    for (let attempt = 1; ; attempt++) {
      let res: Response;
      try {
        const fetchFn = this.o.fetch; // called unbound: some fetch implementations reject a foreign `this`
        res = await fetchFn(this.baseUrl + pathAndQuery, {
          method,
          headers: { Accept: 'application/json', ...init.headers },
          body: init.body,
          redirect: 'manual', // a redirect would carry the token to wherever the server points
          signal: AbortSignal.timeout(this.o.timeoutMs),
        });
      } catch (e) {
        if (isAppError(e) && e.code !== 'remote_unreachable') throw e; // policy refusals (SSRF) are final
        // Only reads are retried after a network failure: a write may have landed before the connection broke.
        if (method === 'GET' && attempt < this.o.maxAttempts) {
          await this.wait(backoffMs(attempt, this.o.baseDelayMs, Math.random), 0, label);
          continue;
        }
        const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
        const msg = e instanceof Error ? e.message : String(e);
        const reason = timedOut ? `timed out after ${this.o.timeoutMs} ms` : redactAll(clean(msg), this.session.secrets());
        throw new AppError('remote_unreachable', `PeerTube ${label}: ${reason}`, { details: { reason, attempts: attempt } });
      }
      if ((res.status === 429 || res.status >= 500) && attempt < this.o.maxAttempts) {
        await res.body?.cancel();
        await this.wait(retryAfterMs(res.headers, Date.now()) ?? backoffMs(attempt, this.o.baseDelayMs, Math.random), res.status, label);
        continue;
      }
      return res;
    }
  }

  private retryAt(res: Response): string | null {
    const ms = res.status === 429 ? retryAfterMs(res.headers, Date.now()) : null;
    return ms === null ? null : new Date(Date.now() + ms).toISOString();
  }

  private async wait(ms: number, status: number, label: string): Promise<void> {
    if (ms > this.o.maxWaitMs) {
      const retryAt = new Date(Date.now() + ms).toISOString();
      throw status === 429 ? httpError(429, '', label, retryAt) : new AppError('remote_error', `PeerTube ${label}: asked to wait ${ms} ms`);
    }
    await this.o.sleep(ms);
  }
}

function queryString(query: Query | undefined): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
