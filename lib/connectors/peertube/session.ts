/**
 * The OAuth session of one PeerTube connector. With a plain token it is used as-is. With {"username","password"}
 * the session reads the local client (GET /oauth-clients/local), signs in once with the password grant and then
 * lives on its tokens: it refreshes (grant_type=refresh_token) shortly before the access token expires or after a
 * 401, and signs in with the password again only when the refresh is refused.
 *
 * Why this care: PeerTube 7 limits /api/v1/users/token to 15 requests per 5 minutes per IP by default, and every
 * password grant creates one more token row (tokens of one user coexist; a refresh replaces its own row, nothing
 * else is revoked). A connector that signed in per action tripped the limit in about seven actions and left dozens
 * of live root tokens. So: one sign-in at a time (single-flight), a refused password is remembered for a while
 * instead of being tried again by every call (a wrong password costs one attempt, not one per request), a 429 on
 * the token route is remembered until its retry time, and close() revokes the token (POST /users/revoke-token).
 */
import { z } from 'zod';
import { AppError, isAppError } from '../../errors';
import { oauthClientSchema } from './api-types';
import { type PeerTubeCredentials, parseCredentials } from './credentials';

/** An unauthenticated or explicitly authenticated call through the client's shared HTTP; returns parsed JSON. */
export type SessionCall = (method: 'GET' | 'POST', path: string, init: { headers?: Record<string, string>; body?: string }) => Promise<unknown>;

export const TOKEN_PATH = '/api/v1/users/token';
export const REVOKE_PATH = '/api/v1/users/revoke-token';

// PeerTube's token response (controllers/api/users/token.ts); lifetimes default to 1 day and 14 days.
const grantSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).nullish(),
  expires_in: z.number().finite().positive().nullish(),
  refresh_token_expires_in: z.number().finite().positive().nullish(),
});

/** Refresh this long before the access token expires, so a request never carries a token about to lapse. */
const EXPIRY_MARGIN_MS = 5 * 60_000;
/** How long a refused password is believed: one login attempt per window, well under PeerTube's 15 per 5 minutes. */
const REFUSAL_MEMORY_MS = 5 * 60_000;

export class PeerTubeSession {
  private readonly creds: PeerTubeCredentials;
  private access: string | null = null;
  private accessExpiresAt = Infinity;
  private refresh: string | null = null;
  private refreshExpiresAt = Infinity;
  private client: { client_id: string; client_secret: string } | null = null;
  private pending: Promise<void> | null = null;
  private refused: { error: AppError; until: number } | null = null;
  /** Every value that was ever a secret of this session, so an echo of an old token is still redacted. */
  private readonly spent = new Set<string>();

  constructor(token: string, private readonly call: SessionCall, private readonly now: () => number = Date.now) {
    this.creds = parseCredentials(token);
    if (this.creds.mode === 'token') this.access = this.creds.accessToken;
  }

  /** Every value that must never appear in an error or a log line. */
  secrets(): string[] {
    const c = this.creds;
    const own = c.mode === 'token' ? [c.accessToken] : [c.password];
    return [...own, ...this.spent, this.access ?? '', this.refresh ?? '', this.client?.client_secret ?? ''];
  }

  /** A usable access token: signs in or refreshes first when there is none or it is about to expire. */
  async accessToken(): Promise<string> {
    if (this.creds.mode === 'password') {
      const fresh = this.access !== null && this.now() < this.accessExpiresAt - EXPIRY_MARGIN_MS;
      if (!fresh) {
        const stale = this.access;
        await this.once(() => (this.access !== stale ? Promise.resolve() : this.renewTokens()));
      }
    }
    if (!this.access) throw new AppError('forbidden', 'PeerTube sign-in produced no token');
    return this.access;
  }

  /** After a 401 with `used`: returns true when a different token is now available and the call is worth retrying. */
  async renew(used: string): Promise<boolean> {
    if (this.creds.mode === 'token') return false;
    await this.once(() => (this.access !== used ? Promise.resolve() : this.renewTokens()));
    return this.access !== null && this.access !== used;
  }

  /** Revokes the current token on the server (best effort) and forgets it; the next call signs in again. */
  async close(): Promise<void> {
    if (this.creds.mode !== 'password') return; // a token the admin pasted is theirs to revoke, not ours
    await this.pending?.catch(() => undefined);
    const access = this.access;
    const expired = this.now() >= this.accessExpiresAt;
    this.forget();
    if (!access || expired) return;
    try {
      await this.call('POST', REVOKE_PATH, { headers: { Authorization: `Bearer ${access}` } });
    } catch {
      // Unreachable or already gone: nothing more to do; the token expires by itself.
    }
  }

  private once(run: () => Promise<void>): Promise<void> {
    this.pending ??= run().finally(() => (this.pending = null));
    return this.pending;
  }

  /** Refresh when a refresh token is still good; otherwise (or when the refresh is refused) sign in. */
  private async renewTokens(): Promise<void> {
    if (this.refresh && this.now() < this.refreshExpiresAt) {
      const refreshToken = this.refresh;
      try {
        await this.grant({ grant_type: 'refresh_token', refresh_token: refreshToken });
        return;
      } catch (e) {
        // A refused refresh (400 invalid_grant, mapped to forbidden) means sign in again; anything else
        // (rate limited, unreachable) would fail the sign-in the same way, so it is passed on.
        if (!isAppError(e) || e.code !== 'forbidden') throw e;
      }
    }
    this.forget();
    await this.login();
  }

  private async login(): Promise<void> {
    if (this.creds.mode !== 'password') return;
    if (this.refused && this.now() < this.refused.until) throw this.refused.error;
    this.refused = null;
    if (!this.client) this.client = oauthClientSchema.parse(await this.call('GET', '/api/v1/oauth-clients/local', {}));
    try {
      await this.grant({ grant_type: 'password', username: this.creds.username, password: this.creds.password });
    } catch (e) {
      if (isAppError(e) && e.code === 'forbidden') {
        this.refused = { error: e, until: this.now() + REFUSAL_MEMORY_MS };
        this.client = null; // invalid_client after a reset of the local client: read it afresh next time
      }
      if (isAppError(e) && e.code === 'rate_limited') this.refused = { error: e, until: retryTime(e) ?? this.now() + REFUSAL_MEMORY_MS };
      throw e;
    }
  }

  private async grant(fields: Record<string, string>): Promise<void> {
    if (!this.client) throw new AppError('internal', 'PeerTube grant without an OAuth client');
    const form = new URLSearchParams({ client_id: this.client.client_id, client_secret: this.client.client_secret, ...fields });
    const data = await this.call('POST', TOKEN_PATH, { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    const parsed = grantSchema.safeParse(data);
    if (!parsed.success) throw new AppError('remote_error', 'PeerTube token response is malformed');
    const t = parsed.data;
    const now = this.now();
    this.forget();
    this.access = t.access_token;
    this.accessExpiresAt = t.expires_in ? now + t.expires_in * 1000 : Infinity;
    this.refresh = t.refresh_token ?? null;
    this.refreshExpiresAt = t.refresh_token_expires_in ? now + t.refresh_token_expires_in * 1000 : Infinity;
  }

  private forget(): void {
    for (const s of [this.access, this.refresh]) if (s) this.spent.add(s);
    // Old tokens are kept for redaction only; a long-lived worker refreshes daily, so a short memory suffices.
    for (const old of this.spent) if (this.spent.size > 16) this.spent.delete(old);
    this.access = null;
    this.refresh = null;
    this.accessExpiresAt = Infinity;
    this.refreshExpiresAt = Infinity;
  }
}

function retryTime(e: AppError): number | null {
  const at = Date.parse(String(e.details?.retryAt ?? ''));
  return Number.isFinite(at) ? at : null;
}
