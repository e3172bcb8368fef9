/**
 * HTTP client for one Lemmy instance, speaking API v3 (0.19, still served by 1.0) or v4 (1.0). `token` is a
 * JWT, or a JSON string of login credentials, in which case the client logs in, caches the JWT and logs in
 * again once when the server refuses it (JWTs are revoked on logout and password change). Lemmy 0.19 and 1.0
 * answer a revoked or expired JWT on login-only endpoints with 401 incorrect_login (the session middleware
 * drops the invalid JWT, then the LocalUserView extractor refuses); not_logged_in (400) is also treated as
 * "log in again" because validate_auth-style paths return it; logins are single-flight, so concurrent refusals
 * cost one login. Lemmy 0.19 signals rate limiting as HTTP 400 rate_limit_error, which the shared remote client
 * (../shared/remote-http.ts) treats like a 429. No error text ever contains the JWT or the password.
 */
import { AppError, isAppError } from '../../errors';
import { parseJsonBody, queryString, RemoteHttp } from '../shared/remote-http';
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

export class LemmyClient {
  readonly baseUrl: string;
  private readonly http: RemoteHttp;
  private readonly credentials: LemmyCredentials | null;
  private readonly rawToken: string;
  private jwt: string | null;
  /** The login in flight: concurrent requests that find no JWT (or a refused one) share it. */
  private pendingLogin: Promise<string> | null = null;
  readonly api: LemmyApi;

  constructor(o: LemmyClientOptions) {
    this.api = o.api ?? 'v3';
    this.baseUrl = o.baseUrl.replace(/\/+$/, '');
    this.rawToken = o.token;
    this.credentials = parseCredentials(o.token);
    this.jwt = this.credentials ? null : o.token.trim();
    this.http = new RemoteHttp({
      ...o,
      service: 'Lemmy',
      secrets: () => this.secrets(),
      toError: (answer, label) => httpError(answer.status, this.redacted(errorCode(answer.text)), label),
      // Lemmy 0.19 answers rate limiting with HTTP 400 rate_limit_error, without any header.
      rateLimit: (answer) => (errorCode(answer.text).startsWith('rate_limit_error') ? { hintMs: null } : null),
    });
  }

  /** "/api/v3" or "/api/v4": the prefix every path of this client's generation starts with. */
  get prefix(): string {
    return this.api === 'v4' ? V4 : V3;
  }

  /** 'password' when the token is login credentials, 'jwt' when it is a JWT. */
  get authMode(): 'password' | 'jwt' {
    return this.credentials ? 'password' : 'jwt';
  }

  /** Logs in with the stored credentials; one login at a time, shared by every caller waiting for it. */
  login(): Promise<string> {
    if (!this.credentials) return Promise.resolve(this.jwt ?? '');
    this.pendingLogin ??= this.loginOnce().finally(() => (this.pendingLogin = null));
    return this.pendingLogin;
  }

  async request(method: Method, path: string, opts: { query?: Query; json?: unknown } = {}): Promise<unknown> {
    const jwt = this.jwt ?? (await this.login());
    try {
      return await this.send(method, path, opts, jwt);
    } catch (e) {
      // One re-login when the JWT is refused: it may have been revoked or expired. A second refusal is real,
      // and a request that fails again is not retried again (no loop). If another request already logged in
      // again while this one was out, its fresh JWT is used instead of a second login.
      if (!this.credentials || !isJwtRefusal(e)) throw e;
      if (this.jwt === jwt) this.jwt = null;
      return this.send(method, path, opts, this.jwt ?? (await this.login()));
    }
  }

  /**
   * A GET without the JWT. Lemmy 1.0's search and resolve_object dereference a URL or webfinger name from its
   * origin only for a logged-in user; anonymously they read the database only (copy lookups rely on that).
   */
  requestAnonymous(path: string, query?: Query): Promise<unknown> {
    return this.send('GET', path, { query }, null);
  }

  private async loginOnce(): Promise<string> {
    const path = LOGIN_PATH[this.api];
    const data = await this.send('POST', path, { json: this.credentials }, null);
    const parsed = loginSchema.safeParse(data);
    if (!parsed.success) throw new AppError('remote_error', `Lemmy POST ${path}: no jwt in the response`, { userMessage: 'The instance did not return a login token.' });
    this.jwt = parsed.data.jwt;
    return this.jwt;
  }

  private async send(method: Method, path: string, opts: { query?: Query; json?: unknown }, jwt: string | null): Promise<unknown> {
    const label = `${method} ${path}`;
    const body = opts.json === undefined ? undefined : JSON.stringify(opts.json);
    const res = await this.http.send({
      method, label, body,
      url: this.baseUrl + path + queryString(opts.query),
      headers: {
        ...(jwt ? { Authorization: `Bearer ${jwt}` } : {}),
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
    });
    return parseJsonBody(res.text, 'Lemmy', label);
  }

  private secrets(): string[] {
    return [this.rawToken, this.jwt ?? '', this.credentials?.password ?? '', this.credentials?.totp_2fa_token ?? ''];
  }

  private redacted(text: string): string {
    return redactAll(text, this.secrets());
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
