/**
 * HTTP client for one Pleroma/Akkoma instance: bearer auth, JSON bodies, bounded retries with backoff on 429
 * and 5xx. Akkoma's rate limiter sends no standard headers, so Retry-After is honoured when a proxy adds one
 * and exponential backoff is used otherwise. Errors never contain the token (see remote-error.ts).
 */
import { AppError, isAppError } from '../../errors';
import type { FetchLike } from '../types';
import { backoffMs, readRateInfo, retryAfterMs } from '../shared/rate-limit';
import { clean, redact } from '../shared/remote-text';
import { httpError, remoteErrorText } from './remote-error';

export type Query = Record<string, string | number | undefined>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface AkkomaClientOptions {
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

export const ADMIN = '/api/v1/pleroma/admin';
const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class AkkomaClient {
  private readonly o: Required<AkkomaClientOptions>;

  constructor(opts: AkkomaClientOptions) {
    this.o = {
      baseUrl: opts.baseUrl.replace(/\/+$/, ''),
      token: opts.token,
      fetch: opts.fetch,
      sleep: opts.sleep ?? realSleep,
      maxAttempts: opts.maxAttempts ?? 4,
      timeoutMs: opts.timeoutMs ?? 15_000,
      maxWaitMs: opts.maxWaitMs ?? 120_000,
      baseDelayMs: opts.baseDelayMs ?? 500,
    };
  }

  async request(method: Method, path: string, opts: { query?: Query; json?: unknown } = {}): Promise<unknown> {
    const label = `${method} ${path}`;
    const url = this.o.baseUrl + path + queryString(opts.query);
    const body = opts.json === undefined ? undefined : JSON.stringify(opts.json);
    for (let attempt = 1; ; attempt++) {
      const res = await this.send(method, url, body, label, attempt);
      if (res === 'retry') continue;
      const retryable = res.status === 429 || res.status >= 500;
      if (retryable && attempt < this.o.maxAttempts) {
        await res.body?.cancel();
        await this.wait(this.delay(res, attempt), res.status, label);
        continue;
      }
      const raw = await res.text();
      if (!res.ok) throw httpError(res.status, remoteErrorText(raw, this.o.token), label, this.retryAt(res));
      return parseJson(raw, label);
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
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        body,
        redirect: 'manual', // a redirect would carry the token to wherever the server points
        signal: AbortSignal.timeout(this.o.timeoutMs),
      });
    } catch (e) {
      if (isAppError(e) && e.code !== 'remote_unreachable') throw e; // policy refusals (SSRF) are final
      const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
      // Only reads are retried after a network failure: a write may have landed before the connection broke.
      if (method === 'GET' && attempt < this.o.maxAttempts) {
        await this.wait(backoffMs(attempt, this.o.baseDelayMs, Math.random), 0, label);
        return 'retry';
      }
      const reason = timedOut ? `timed out after ${this.o.timeoutMs} ms` : clean(redact(e instanceof Error ? e.message : String(e), this.o.token));
      throw new AppError('remote_unreachable', `Akkoma ${label}: ${reason}`, { details: { reason, attempts: attempt } });
    }
  }

  private hintMs(res: Response): number | null {
    const now = Date.now();
    return retryAfterMs(res.headers, now) ?? (res.status === 429 ? readRateInfo(res.headers, now).resetInMs : null);
  }

  private delay(res: Response, attempt: number): number {
    return this.hintMs(res) ?? backoffMs(attempt, this.o.baseDelayMs, Math.random);
  }

  private retryAt(res: Response): string | null {
    const ms = res.status === 429 ? this.hintMs(res) : null;
    return ms === null ? null : new Date(Date.now() + ms).toISOString();
  }

  private async wait(ms: number, status: number, label: string): Promise<void> {
    if (ms > this.o.maxWaitMs) {
      const retryAt = new Date(Date.now() + ms).toISOString();
      throw status === 429 ? httpError(429, '', label, retryAt) : new AppError('remote_error', `Akkoma ${label}: asked to wait ${ms} ms`);
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

function parseJson(raw: string, label: string): unknown {
  if (raw.trim() === '') return null; // 204 from PATCH /reports and the user endpoints
  try {
    return JSON.parse(raw);
  } catch {
    throw new AppError('remote_error', `Akkoma ${label}: response is not JSON`, {
      userMessage: 'The instance sent a response that is not valid JSON.',
    });
  }
}
