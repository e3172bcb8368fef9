/**
 * HTTP client for one PeerTube instance: the OAuth session (see session.ts) and JSON bodies. Retries, Retry-After
 * pauses (PeerTube sends it with its X-RateLimit-* headers), timeouts and redaction live in the shared remote
 * client (../shared/remote-http.ts). Errors never contain the token, the password or the client secret.
 */
import { isAppError } from '../../errors';
import type { FetchLike } from '../types';
import { parseJsonBody, queryString, RemoteHttp } from '../shared/remote-http';
import { httpError, problemText } from './problem';
import { PeerTubeSession, TOKEN_PATH } from './session';

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
  now?: () => number;
}

export class PeerTubeClient {
  readonly baseUrl: string;
  private readonly http: RemoteHttp;
  private readonly session: PeerTubeSession;

  constructor(opts: PeerTubeClientOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
    this.http = new RemoteHttp({
      ...opts,
      service: 'PeerTube',
      secrets: () => this.session.secrets(),
      toError: (answer, label, retryAt) => {
        // The token route answers bad credentials with 400 invalid_grant; it is an auth failure all the same.
        const status = answer.status === 400 && label.endsWith(TOKEN_PATH) ? 401 : answer.status;
        return httpError(status, problemText(answer.text, this.session.secrets()), label, retryAt);
      },
    });
    this.session = new PeerTubeSession(opts.token, (method, path, init) => this.call(method, path, init), opts.now);
  }

  /** An authenticated API call. A 401 renews the session once (refresh, then password) and retries. */
  async request(method: Method, path: string, opts: { query?: Query; json?: unknown } = {}): Promise<unknown> {
    const body = opts.json === undefined ? undefined : JSON.stringify(opts.json);
    const send = (token: string) => this.call(method, path + queryString(opts.query), {
      headers: { Authorization: `Bearer ${token}`, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      body,
    });
    const token = await this.session.accessToken();
    try {
      return await send(token);
    } catch (e) {
      // A 401 was refused before anything happened, so even a write may be sent again with a fresh token.
      if (!isAppError(e) || e.details?.status !== 401 || !(await this.session.renew(token))) throw e;
      return send(await this.session.accessToken());
    }
  }

  /** Revokes this client's session token, if it signed in (used when the connector is dropped). */
  close(): Promise<void> {
    return this.session.close();
  }

  private async call(method: Method, pathAndQuery: string, init: { headers?: Record<string, string>; body?: string }): Promise<unknown> {
    const label = `${method} ${pathAndQuery.split('?')[0]}`;
    const res = await this.http.send({ method, label, url: this.baseUrl + pathAndQuery, headers: init.headers, body: init.body });
    return parseJsonBody(res.text, 'PeerTube', label); // '' (204) from PUT /abuses and the blocklist writes is null
  }
}
