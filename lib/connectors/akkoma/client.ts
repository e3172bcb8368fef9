/**
 * HTTP client for one Pleroma/Akkoma instance: bearer auth, JSON bodies. Akkoma's rate limiter sends no standard
 * headers, so the shared remote client (../shared/remote-http.ts) honours Retry-After when a proxy adds one and
 * backs off otherwise. Errors never contain the token (see remote-error.ts).
 */
import type { FetchLike } from '../types';
import { parseJsonBody, queryString, RemoteHttp } from '../shared/remote-http';
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

export class AkkomaClient {
  /** Without a trailing slash; copy lookups build the instance's own post links from it. */
  readonly baseUrl: string;
  private readonly token: string;
  private readonly http: RemoteHttp;

  constructor(opts: AkkomaClientOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
    this.token = opts.token;
    this.http = new RemoteHttp({
      ...opts,
      service: 'Akkoma',
      secrets: () => [this.token],
      toError: (answer, label, retryAt) => httpError(answer.status, remoteErrorText(answer.text, this.token), label, retryAt),
    });
  }

  async request(method: Method, path: string, opts: { query?: Query; json?: unknown } = {}): Promise<unknown> {
    const label = `${method} ${path}`;
    const body = opts.json === undefined ? undefined : JSON.stringify(opts.json);
    const res = await this.http.send({
      method, label, body,
      url: this.baseUrl + path + queryString(opts.query),
      headers: { Authorization: `Bearer ${this.token}`, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    });
    return parseJsonBody(res.text, 'Akkoma', label); // '' (204) from PATCH /reports and the user endpoints is null
  }
}
