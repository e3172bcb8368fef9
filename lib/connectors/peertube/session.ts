/**
 * The OAuth session. With a plain token it is used as-is. With {"username","password"} the connector reads
 * the local client (GET /oauth-clients/local), signs in with the password grant, and on a 401 refreshes once
 * with the refresh token, falling back to a fresh password sign-in. Only one renewal runs at a time, since
 * PeerTube keeps a single session per user and parallel sign-ins would revoke each other.
 */
import { AppError } from '../../errors';
import { oauthClientSchema, tokenSchema } from './api-types';
import { type PeerTubeCredentials, parseCredentials } from './credentials';
import { httpError, problemText } from './problem';

type Raw = (method: 'GET' | 'POST', path: string, init: { headers?: Record<string, string>; body?: string }) => Promise<Response>;

const TOKEN_PATH = '/api/v1/users/token';

export class PeerTubeSession {
  private readonly creds: PeerTubeCredentials;
  private access: string | null = null;
  private refresh: string | null = null;
  private client: { client_id: string; client_secret: string } | null = null;
  private pending: Promise<void> | null = null;

  constructor(token: string, private readonly raw: Raw) {
    this.creds = parseCredentials(token);
    if (this.creds.mode === 'token') this.access = this.creds.accessToken;
  }

  /** Every value that must never appear in an error or a log line. */
  secrets(): string[] {
    const c = this.creds;
    const own = c.mode === 'token' ? [c.accessToken] : [c.password];
    return [...own, this.access ?? '', this.refresh ?? '', this.client?.client_secret ?? ''];
  }

  async accessToken(): Promise<string> {
    if (!this.access) await this.once(() => this.login());
    if (!this.access) throw new AppError('forbidden', 'PeerTube sign-in produced no token');
    return this.access;
  }

  /** After a 401: returns true when a new token was obtained and the call is worth retrying. */
  async renew(): Promise<boolean> {
    if (this.creds.mode === 'token') return false;
    const stale = this.access;
    await this.once(async () => {
      if (this.access !== stale) return; // another call renewed it meanwhile
      if (this.refresh && (await this.grant({ grant_type: 'refresh_token', refresh_token: this.refresh }, false))) return;
      await this.login();
    });
    return this.access !== null && this.access !== stale;
  }

  private async once(run: () => Promise<void>): Promise<void> {
    if (!this.pending) this.pending = run().finally(() => (this.pending = null));
    await this.pending;
  }

  private async login(): Promise<void> {
    if (this.creds.mode !== 'password') return;
    if (!this.client) {
      const res = await this.raw('GET', '/api/v1/oauth-clients/local', {});
      this.client = oauthClientSchema.parse(await this.json(res, 'GET /api/v1/oauth-clients/local'));
    }
    await this.grant({ grant_type: 'password', username: this.creds.username, password: this.creds.password }, true);
  }

  /** POSTs a grant. A failed refresh returns false (the caller signs in again); a failed login throws. */
  private async grant(fields: Record<string, string>, mustSucceed: boolean): Promise<boolean> {
    if (!this.client) return false;
    const form = new URLSearchParams({ client_id: this.client.client_id, client_secret: this.client.client_secret, ...fields });
    const res = await this.raw('POST', TOKEN_PATH, {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    if (!res.ok && !mustSucceed) {
      await res.body?.cancel();
      this.refresh = null;
      return false;
    }
    const parsed = tokenSchema.safeParse(await this.json(res, `POST ${TOKEN_PATH}`));
    if (!parsed.success) throw new AppError('remote_error', 'PeerTube token response is malformed');
    this.access = parsed.data.access_token;
    this.refresh = parsed.data.refresh_token ?? null;
    return true;
  }

  private async json(res: Response, label: string): Promise<unknown> {
    const raw = await res.text();
    if (!res.ok) {
      const text = problemText(raw, this.secrets());
      // The token route answers bad credentials with 400 invalid_grant; it is an auth failure all the same.
      throw httpError(res.status === 400 && label.endsWith(TOKEN_PATH) ? 401 : res.status, text, label);
    }
    try {
      return JSON.parse(raw);
    } catch {
      throw new AppError('remote_error', `PeerTube ${label}: response is not JSON`);
    }
  }
}
