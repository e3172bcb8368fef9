/**
 * HTTP client for one GoToSocial instance: bearer auth, form bodies, Link cursors (ULIDs). GoToSocial's
 * X-Ratelimit-Reset is an ISO8601 time, which the shared rate-limit reader measures against the server's Date
 * header; retries, pauses, timeouts and redaction live in the shared remote client (../shared/remote-http.ts).
 * Every failure is an AppError whose message names only the method and path.
 */
import { formBody, type FormValue, type Query } from '../mastodon/client';
import { remoteErrorText } from '../mastodon/remote-text';
import { parseJsonBody, queryString, RemoteHttp } from '../shared/remote-http';
import type { FetchLike } from '../types';
import { httpError } from './http-errors';
import { parseLinkHeader } from './link-header';

export interface GoToSocialClientOptions {
  baseUrl: string;
  token: string;
  fetch: FetchLike;
  sleep?: (ms: number) => Promise<void>;
  maxAttempts?: number;
  timeoutMs?: number;
  /** Longer waits are not slept through: the caller gets rate_limited with retryAt and reschedules. */
  maxWaitMs?: number;
  baseDelayMs?: number;
  random?: () => number;
  now?: () => number;
}

export interface ClientResponse {
  status: number;
  data: unknown;
  links: ReturnType<typeof parseLinkHeader>;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
type RequestOpts = { query?: Query; form?: Record<string, FormValue> };

export class GoToSocialClient {
  private readonly baseUrl: string;
  private readonly token: string;
  private readonly http: RemoteHttp;

  constructor(opts: GoToSocialClientOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
    this.token = opts.token;
    this.http = new RemoteHttp({
      ...opts,
      service: 'GoToSocial',
      secrets: () => [this.token],
      toError: (answer, label, retryAt) => httpError(answer.status, remoteErrorText(answer.text, this.token), label, retryAt),
      pauseWhenExhausted: true,
    });
  }

  get(path: string, query?: Query) {
    return this.request('GET', path, { query });
  }

  post(path: string, form?: Record<string, FormValue>, query?: Query) {
    return this.request('POST', path, { form, query });
  }

  async request(method: Method, path: string, opts: RequestOpts = {}): Promise<ClientResponse> {
    const label = `${method} ${path}`;
    const body = opts.form ? formBody(opts.form) : undefined;
    const res = await this.http.send({
      method, label, body,
      url: this.baseUrl + path + queryString(opts.query),
      headers: {
        Authorization: `Bearer ${this.token}`,
        ...(body !== undefined ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
      },
    });
    return { status: res.status, data: parseJsonBody(res.text, 'GoToSocial', label), links: parseLinkHeader(res.headers.get('link')) };
  }
}
