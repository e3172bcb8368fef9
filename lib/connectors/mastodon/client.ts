/**
 * HTTP client for one Mastodon instance: bearer auth, form bodies, Link cursors. Retries, rate-limit pauses,
 * timeouts and error redaction live in the shared remote client (../shared/remote-http.ts). Every failure becomes
 * an AppError whose message names only the method and path; remote text goes through remoteErrorText (redacted).
 */
import type { FetchLike } from '../types';
import { parseLinkHeader } from './link-header';
import { parseJsonBody, queryString, RemoteHttp } from '../shared/remote-http';
import { remoteErrorText } from './remote-text';
import { httpError } from './http-errors';

export type FormValue = string | number | boolean | null | undefined | Array<string | number>;
export type Query = Record<string, string | number | boolean | null | undefined>;

export interface MastodonClientOptions {
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

export class MastodonClient {
  private readonly baseUrl: string;
  private readonly token: string;
  private readonly http: RemoteHttp;

  constructor(opts: MastodonClientOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
    this.token = opts.token;
    this.http = new RemoteHttp({
      ...opts,
      service: 'Mastodon',
      secrets: () => [this.token],
      toError: (answer, label, retryAt) => httpError(answer.status, remoteErrorText(answer.text, this.token), label, retryAt),
      pauseWhenExhausted: true,
    });
  }

  get(path: string, query?: Query) {
    return this.request('GET', path, { query });
  }

  post(path: string, form?: Record<string, FormValue>) {
    return this.request('POST', path, { form });
  }

  put(path: string, form?: Record<string, FormValue>) {
    return this.request('PUT', path, { form });
  }

  async request(method: Method, path: string, opts: { query?: Query; form?: Record<string, FormValue> } = {}): Promise<ClientResponse> {
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
    return { status: res.status, data: parseJsonBody(res.text, 'Mastodon', label), links: parseLinkHeader(res.headers.get('link')) };
  }
}

/** Rails form encoding: arrays as `key[]`, booleans as "true"/"false", missing values left out. */
export function formBody(form: Record<string, FormValue>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) for (const item of v) q.append(`${k}[]`, String(item));
    else q.set(k, String(v));
  }
  return q.toString();
}
