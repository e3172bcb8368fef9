/**
 * The one remote HTTP client under all six connectors: timeouts, no redirects (a redirect would carry the token
 * wherever the server points), bounded retries with capped, jittered backoff, Retry-After and X-RateLimit pauses,
 * and errors mapped to AppError with every secret redacted. Each connector keeps only what differs: its auth
 * headers, its body format and how it reads its server's error bodies (the `toError` / `rateLimit` hooks).
 * See retry-policy.ts for which requests may be re-sent.
 */
import { AppError, isAppError } from '../../errors';
import type { FetchLike } from '../types';
import { readRateInfo, retryAfterMs } from './rate-limit';
import { cappedBackoffMs, isIdempotentMethod, jitteredHintMs, mayHaveReachedServer, type HttpMethod } from './retry-policy';
import { clean, redact } from './remote-text';

export type { HttpMethod } from './retry-policy';

/** A final answer, body already read (error bodies are short: the safe fetch caps every body anyway). */
export interface RemoteAnswer {
  status: number;
  headers: Headers;
  text: string;
}

export interface RemoteCall {
  method: HttpMethod;
  url: string;
  /** "METHOD /path", the only request text that goes into errors. */
  label: string;
  headers?: Record<string, string>;
  /** Text, or a multipart form (file uploads; fetch writes the boundary, so send no Content-Type with it). */
  body?: string | FormData;
  /** For servers whose reads are POSTs (Misskey): the call is a read and may be retried like a GET. */
  idempotent?: boolean;
}

export interface RemoteHttpOptions {
  /** Server name for messages ("Mastodon"). */
  service: string;
  fetch: FetchLike;
  /** Every value that must never appear in an error (token, password, session tokens); read at error time. */
  secrets: () => readonly string[];
  /** Maps a final non-2xx answer to the connector's AppError. */
  toError: (answer: RemoteAnswer, label: string, retryAt: string | null) => AppError;
  /** For servers that say "rate limited" in the body (Lemmy 0.19's 400 rate_limit_error): null = not limited. */
  rateLimit?: (answer: RemoteAnswer) => { hintMs: number | null } | null;
  /** Hold back the next request while X-RateLimit-Remaining is 0 (Mastodon, GoToSocial). */
  pauseWhenExhausted?: boolean;
  sleep?: (ms: number) => Promise<void>;
  maxAttempts?: number;
  timeoutMs?: number;
  /** Longer waits are not slept through: the caller gets rate_limited with retryAt and reschedules. */
  maxWaitMs?: number;
  baseDelayMs?: number;
  maxBackoffMs?: number;
  random?: () => number;
  now?: () => number;
}

type Settings = Required<Omit<RemoteHttpOptions, 'rateLimit'>> & Pick<RemoteHttpOptions, 'rateLimit'>;

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class RemoteHttp {
  private readonly o: Settings;
  private pausedUntil = 0;

  constructor(opts: RemoteHttpOptions) {
    this.o = {
      service: opts.service, fetch: opts.fetch, secrets: opts.secrets, toError: opts.toError, rateLimit: opts.rateLimit,
      pauseWhenExhausted: opts.pauseWhenExhausted ?? false, sleep: opts.sleep ?? realSleep, maxAttempts: opts.maxAttempts ?? 4,
      timeoutMs: opts.timeoutMs ?? 15_000, maxWaitMs: opts.maxWaitMs ?? 120_000, baseDelayMs: opts.baseDelayMs ?? 500,
      maxBackoffMs: opts.maxBackoffMs ?? 30_000, random: opts.random ?? Math.random, now: opts.now ?? Date.now,
    };
  }

  /** ISO time `ms` from now on this client's clock. */
  at(ms: number): string {
    return new Date(this.o.now() + ms).toISOString();
  }

  /** Sends one request (re-sending only as the retry policy allows); returns a 2xx answer or throws an AppError. */
  async send(call: RemoteCall): Promise<RemoteAnswer> {
    const idempotent = call.idempotent ?? isIdempotentMethod(call.method);
    for (let attempt = 1; ; attempt++) {
      await this.waitForWindow(call.label);
      const answer = await this.exchange(call, attempt, idempotent);
      if (answer === 'retry') continue;
      if (answer.status >= 200 && answer.status < 300) return this.final(answer);
      const last = attempt >= this.o.maxAttempts;

      const limited = this.rateLimitHint(answer);
      if (limited) {
        const wait = limited.hintMs !== null ? jitteredHintMs(limited.hintMs, this.o.random) : this.backoff(attempt);
        if (!last && wait <= this.o.maxWaitMs) {
          await this.o.sleep(wait);
          continue;
        }
        const retryAt = limited.hintMs !== null || wait > this.o.maxWaitMs ? this.at(wait) : null;
        throw this.o.toError(this.final(answer), call.label, retryAt);
      }
      if (answer.status >= 500) {
        // The server may have acted before it failed: a write is handed back, never re-sent from here.
        if (!idempotent) throw withDetails(this.o.toError(answer, call.label, null), { maybeApplied: true, attempts: attempt });
        const hint = retryAfterMs(answer.headers, this.o.now());
        const wait = hint !== null ? jitteredHintMs(hint, this.o.random) : this.backoff(attempt);
        if (!last && wait <= this.o.maxWaitMs) {
          await this.o.sleep(wait);
          continue;
        }
      }
      throw this.o.toError(this.final(answer), call.label, null);
    }
  }

  /** Rate-limit headers count on the answer the caller gets, not on the ones retried (their wait is slept). */
  private final(answer: RemoteAnswer): RemoteAnswer {
    if (this.o.pauseWhenExhausted) this.notePause(answer.headers);
    return answer;
  }

  private async exchange(call: RemoteCall, attempt: number, idempotent: boolean): Promise<RemoteAnswer | 'retry'> {
    try {
      const fetchFn = this.o.fetch; // called unbound: some fetch implementations reject a foreign `this`
      const res = await fetchFn(call.url, {
        method: call.method,
        headers: { Accept: 'application/json', ...call.headers },
        body: call.body,
        redirect: 'manual', // a redirect would carry the token (or the password) wherever the server points
        signal: AbortSignal.timeout(this.o.timeoutMs),
      });
      return { status: res.status, headers: res.headers, text: await res.text() };
    } catch (e) {
      // The app's safe fetch refuses some targets by policy (ssrf_blocked, too_large): final, not transient.
      if (isAppError(e) && e.code !== 'remote_unreachable') throw e;
      if (idempotent && attempt < this.o.maxAttempts) {
        await this.o.sleep(this.backoff(attempt));
        return 'retry';
      }
      throw this.unreachable(e, call, attempt, idempotent);
    }
  }

  private unreachable(e: unknown, call: RemoteCall, attempt: number, idempotent: boolean): AppError {
    const timedOut = (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) || (isAppError(e) && e.details?.reason === 'timeout');
    const reason = timedOut ? `timed out after ${this.o.timeoutMs} ms` : clean(redactSecrets(e instanceof Error ? e.message : String(e), this.o.secrets()));
    return new AppError('remote_unreachable', `${this.o.service} ${call.label}: ${reason}`, {
      userMessage: timedOut ? 'The instance did not answer in time.' : 'The instance could not be reached.',
      details: { reason, attempts: attempt, ...(idempotent ? {} : { maybeApplied: mayHaveReachedServer(e) }) },
    });
  }

  /** 429 (or the server's own body signal): Retry-After, else X-RateLimit-Reset, else the dialect's hint. */
  private rateLimitHint(answer: RemoteAnswer): { hintMs: number | null } | null {
    const own = this.o.rateLimit?.(answer) ?? null;
    if (answer.status !== 429 && !own) return null;
    const now = this.o.now();
    return { hintMs: retryAfterMs(answer.headers, now) ?? readRateInfo(answer.headers, now).resetInMs ?? own?.hintMs ?? null };
  }

  private backoff(attempt: number): number {
    return cappedBackoffMs(attempt, this.o.baseDelayMs, this.o.maxBackoffMs, this.o.random);
  }

  /** Remaining 0 on any response means the next request would be refused: hold back until Reset. */
  private notePause(headers: Headers): void {
    const info = readRateInfo(headers, this.o.now());
    if (info.remaining === 0 && info.resetInMs !== null) this.pausedUntil = this.o.now() + info.resetInMs;
  }

  private async waitForWindow(label: string): Promise<void> {
    const ms = this.pausedUntil - this.o.now();
    this.pausedUntil = 0;
    if (ms <= 0) return;
    if (ms > this.o.maxWaitMs) throw this.o.toError({ status: 429, headers: new Headers(), text: '' }, label, this.at(ms));
    await this.o.sleep(ms);
  }
}

/** Longest first, so a secret that contains another is not half-redacted; before cleaning, which truncates. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  return [...secrets].filter((s) => s.length > 0).sort((a, b) => b.length - a.length).reduce((t, s) => redact(t, s), text);
}

/** The same error with extra details (AppError is immutable by convention). */
export function withDetails(e: AppError, extra: Record<string, unknown>): AppError {
  return new AppError(e.code, e.message, { userMessage: e.userMessage, status: e.status, details: { ...e.details, ...extra }, publicData: e.publicData, cause: e.cause });
}

/** `?a=1&b=2` from a query object, leaving out undefined and null values; '' when empty. */
export function queryString(query: Record<string, string | number | boolean | null | undefined> | undefined): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** JSON of a 2xx body; an empty body (204) is null. */
export function parseJsonBody(raw: string, service: string, label: string): unknown {
  if (raw.trim() === '') return null;
  try {
    return JSON.parse(raw);
  } catch {
    throw new AppError('remote_error', `${service} ${label}: response is not JSON`, {
      userMessage: 'The instance sent a response that is not valid JSON.',
    });
  }
}
