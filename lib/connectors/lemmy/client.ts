/**
 * HTTP client for one Lemmy instance, speaking API v3 (0.19, still served by 1.0) or v4 (1.0). `token` is a
 * JWT, or a JSON string of login credentials, in which case the client logs in, caches the JWT and logs in
 * again once when the server refuses it (JWTs are revoked on logout and password change). Lemmy 0.19 and 1.0
 * answer a revoked or expired JWT on login-only endpoints with 401 incorrect_login (the session middleware
 * drops the invalid JWT, then the LocalUserView extractor refuses); not_logged_in (400) is also treated as
 * "log in again" because validate_auth-style paths return it. Lemmy 0.19 signals rate limiting as HTTP 400
 * rate_limit_error, so that is retried with backoff like 429 and 5xx. No error text ever contains the JWT or
 * the password.
 */
import { AppError, isAppError } from '../../errors';
import { backoffMs, retryAfterMs } from '../shared/rate-limit';
import type { FetchLike } from '../types';
import type { LemmyApi } from './api-version';
import { credentialsSchema, loginSchema, type LemmyCredentials } from './api-types';
import { errorCode, httpError, redactAll } from './remote-error';

export type Query = Record<string, string | number | boolean | undefined>;
type Method = 'GET' | 'POST' | 'PUT';

export interface LemmyClientOptions {
  baseUrl: string;
  token: string;
  fetch: FetchLike;
  sleep?: (ms: number) => Promise<void>;
  maxAttempts?: number;
  timeoutMs?: number;
  baseDelayMs?: number;
  /** API generation; v3 unless detection said v4. */
  api?: LemmyApi;
}

export const V3 = '/api/v3';
export const V4 = '/api/v4';
const LOGIN_PATH: Record<LemmyApi, string> = { v3: `${V3}/user/login`, v4: `${V4}/account/auth/login` };
const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class LemmyClient {
  private readonly baseUrl: string;
  private readonly fetchFn: FetchLike;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxAttempts: number;
  private readonly timeoutMs: number;
  private readonly baseDelayMs: number;
  private readonly credentials: LemmyCredentials | null;
  private readonly rawToken: string;
  private jwt: string | null;
  readonly api: LemmyApi;

  constructor(o: LemmyClientOptions) {
    this.api = o.api ?? 'v3';
    this.baseUrl = o.baseUrl.replace(/\/+$/, '');
    this.fetchFn = o.fetch;
    this.sleep = o.sleep ?? realSleep;
    this.maxAttempts = o.maxAttempts ?? 4;
    this.timeoutMs = o.timeoutMs ?? 15_000;
    this.baseDelayMs = o.baseDelayMs ?? 500;
    this.rawToken = o.token;
    this.credentials = parseCredentials(o.token);
    this.jwt = this.credentials ? null : o.token.trim();
  }

  /** "/api/v3" or "/api/v4": the prefix every path of this client's generation starts with. */
  get prefix(): string {
    return this.api === 'v4' ? V4 : V3;
  }

  /** 'password' when the token is login credentials, 'jwt' when it is a JWT. */
  get authMode(): 'password' | 'jwt' {
    return this.credentials ? 'password' : 'jwt';
  }

  async login(): Promise<string> {
    if (!this.credentials) return this.jwt ?? '';
    const path = LOGIN_PATH[this.api];
    const data = await this.send('POST', path, { json: this.credentials }, null);
    const parsed = loginSchema.safeParse(data);
    if (!parsed.success) throw new AppError('remote_error', `Lemmy POST ${path}: no jwt in the response`, { userMessage: 'The instance did not return a login token.' });
    this.jwt = parsed.data.jwt;
    return this.jwt;
  }

  async request(method: Method, path: string, opts: { query?: Query; json?: unknown } = {}): Promise<unknown> {
    const jwt = this.jwt ?? (await this.login());
    try {
      return await this.send(method, path, opts, jwt);
    } catch (e) {
      // One re-login when the JWT is refused: it may have been revoked or expired. A second refusal is real.
      if (!this.credentials || !isJwtRefusal(e)) throw e;
      this.jwt = null;
      return this.send(method, path, opts, await this.login());
    }
  }

  private async send(method: Method, path: string, opts: { query?: Query; json?: unknown }, jwt: string | null): Promise<unknown> {
    const label = `${method} ${path}`;
    const url = this.baseUrl + path + queryString(opts.query);
    const body = opts.json === undefined ? undefined : JSON.stringify(opts.json);
    for (let attempt = 1; ; attempt++) {
      const res = await this.fetchOnce(method, url, body, jwt, label);
      const raw = await res.text();
      if (res.ok) return parseJson(raw, label);
      const code = this.redacted(errorCode(raw));
      const retryable = res.status === 429 || res.status >= 500 || code.startsWith('rate_limit_error');
      if (retryable && attempt < this.maxAttempts) {
        await this.sleep(retryAfterMs(res.headers, Date.now()) ?? backoffMs(attempt, this.baseDelayMs, Math.random));
        continue;
      }
      throw httpError(res.status, code, label);
    }
  }

  private async fetchOnce(method: Method, url: string, body: string | undefined, jwt: string | null, label: string): Promise<Response> {
    try {
      const fetchFn = this.fetchFn; // called unbound: some fetch implementations reject a foreign `this`
      return await fetchFn(url, {
        method,
        headers: {
          Accept: 'application/json',
          ...(jwt ? { Authorization: `Bearer ${jwt}` } : {}),
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        body,
        redirect: 'manual', // a redirect would carry the JWT (or the password) wherever the server points
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (e) {
      if (isAppError(e) && e.code !== 'remote_unreachable') throw e; // policy refusals (SSRF) are final
      const reason = this.redacted(e instanceof Error ? e.message : String(e));
      throw new AppError('remote_unreachable', `Lemmy ${label}: ${reason}`, { details: { reason } });
    }
  }

  private redacted(text: string): string {
    return redactAll(text, [this.rawToken, this.jwt ?? '', this.credentials?.password ?? '', this.credentials?.totp_2fa_token ?? '']);
  }
}

/** 401 (incorrect_login from the LocalUserView extractor) or not_logged_in, whatever its status. */
function isJwtRefusal(e: unknown): boolean {
  if (!isAppError(e)) return false;
  return e.details?.status === 401 || String(e.details?.remoteError ?? '').startsWith('not_logged_in');
}

/** A token that looks like JSON must be valid credentials: treating it as a JWT would send the password as a bearer. */
function parseCredentials(token: string): LemmyCredentials | null {
  const t = token.trim();
  if (!t.startsWith('{')) return null;
  try {
    const parsed = credentialsSchema.safeParse(JSON.parse(t));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through
  }
  throw new AppError('bad_request', 'Lemmy token is JSON but not {username_or_email, password}', {
    userMessage: 'The Lemmy credentials must be a JWT or JSON with username_or_email and password.',
  });
}

function queryString(query: Query | undefined): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

function parseJson(raw: string, label: string): unknown {
  if (raw.trim() === '') return null;
  try {
    return JSON.parse(raw);
  } catch {
    throw new AppError('remote_error', `Lemmy ${label}: response is not JSON`, { userMessage: 'The instance sent a response that is not valid JSON.' });
  }
}
