/**
 * The fake's OAuth server, as PeerTube 7 behaves (server/core/lib/auth/oauth.ts, oauth-model.ts):
 * - every password grant creates one more token; the user's other tokens stay valid (tokens coexist);
 * - a refresh grant revokes the token it refreshes (access and refresh together) and issues a new pair;
 * - access tokens expire after a day and refresh tokens after two weeks (configurable here), then 401 / invalid_grant;
 * - POST /users/revoke-token deletes the bearer's token;
 * - POST /users/token is limited to 15 requests per 5 minutes per IP (RATES_LIMIT.LOGIN), failed ones included.
 * The clock can be moved forward (advance) so tests cross expiries and windows without waiting.
 */
import { randomBytes } from 'node:crypto';
import { RateLimiter, type RateLimitVerdict } from '../rate-limit';

export interface FakeOAuthOptions {
  username: string;
  password: string;
  accessLifetimeMs?: number;
  refreshLifetimeMs?: number;
  loginLimit?: { limit: number; windowMs: number };
}

export interface IssuedTokens {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  refresh_token_expires_in: number;
}

export class FakeOAuth {
  username: string;
  password: string;
  role = 0; // 0 admin, 1 moderator, 2 user
  readonly clientId = randomBytes(12).toString('hex');
  readonly clientSecret = randomBytes(16).toString('hex');
  /** Live access tokens → expiry (ms on this clock). Tests may clear() it to simulate expiry or revocation. */
  readonly access = new Map<string, number>();
  /** Live refresh tokens → their access token and expiry. */
  readonly refresh = new Map<string, { access: string; expiresAt: number }>();
  accessLifetimeMs: number;
  refreshLifetimeMs: number;
  /** Successful grants by type, and refused token requests (any reason, 429 included). */
  readonly grants = { password: 0, refresh_token: 0, refused: 0, rateLimited: 0, revoked: 0 };
  private readonly loginLimit: { limit: number; windowMs: number };
  private readonly limiters = new Map<string, RateLimiter>();
  private skewMs = 0;

  constructor(opts: FakeOAuthOptions) {
    this.username = opts.username;
    this.password = opts.password;
    this.accessLifetimeMs = opts.accessLifetimeMs ?? 86_400_000;
    this.refreshLifetimeMs = opts.refreshLifetimeMs ?? 1_209_600_000;
    this.loginLimit = opts.loginLimit ?? { limit: 15, windowMs: 5 * 60_000 };
  }

  now(): number {
    return Date.now() + this.skewMs;
  }

  /** Moves the fake's clock forward: tokens expire and login windows pass without real waiting. */
  advance(ms: number): void {
    this.skewMs += ms;
  }

  /** One request to the token route from `ip`, counted whatever its outcome, as express-rate-limit does. */
  hitLogin(ip: string): RateLimitVerdict {
    let limiter = this.limiters.get(ip);
    if (!limiter) this.limiters.set(ip, (limiter = new RateLimiter(this.loginLimit, this.now())));
    const verdict = limiter.hit(this.now());
    if (!verdict.allowed) this.grants.rateLimited++;
    return verdict;
  }

  /** A new token; the user's other tokens stay valid. */
  issueTokens(): IssuedTokens {
    const now = this.now();
    const access = randomBytes(20).toString('hex');
    const refresh = randomBytes(20).toString('hex');
    this.access.set(access, now + this.accessLifetimeMs);
    this.refresh.set(refresh, { access, expiresAt: now + this.refreshLifetimeMs });
    return {
      access_token: access, refresh_token: refresh,
      // PeerTube computes these after saving the token, so they come out one second short of the lifetime.
      expires_in: Math.floor((this.accessLifetimeMs - 1) / 1000), refresh_token_expires_in: Math.floor((this.refreshLifetimeMs - 1) / 1000),
    };
  }

  /** 'ok', or why the access token is refused (PeerTube answers both with 401 invalid_token). */
  checkAccess(token: string): 'ok' | 'invalid' | 'expired' {
    const expiresAt = this.access.get(token);
    if (expiresAt === undefined) return 'invalid';
    return this.now() >= expiresAt ? 'expired' : 'ok';
  }

  /** The refresh grant: null when the refresh token is unknown or expired; otherwise the old token is revoked. */
  refreshTokens(refreshToken: string): IssuedTokens | 'invalid' | 'expired' {
    const entry = this.refresh.get(refreshToken);
    if (!entry) return 'invalid';
    if (this.now() >= entry.expiresAt) return 'expired';
    this.refresh.delete(refreshToken);
    this.access.delete(entry.access);
    return this.issueTokens();
  }

  /** revoke-token: deletes the bearer's token row (its access and refresh token). */
  revoke(accessToken: string): boolean {
    const had = this.access.delete(accessToken);
    for (const [r, e] of this.refresh) if (e.access === accessToken) this.refresh.delete(r);
    if (had) this.grants.revoked++;
    return had;
  }

  /** Tokens still usable: what a real admin would see as live sessions. */
  liveTokens(): number {
    const now = this.now();
    return [...this.access.values()].filter((exp) => exp > now).length;
  }
}
