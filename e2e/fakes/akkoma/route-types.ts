import type { Params } from '../mastodon/http';
import type { FakeAkkomaState } from './state';

/** An error with Akkoma's body as-is: {"error":"..."}, a bare string, or a list of per-item errors. */
export class FakeError extends Error {
  constructor(readonly status: number, readonly body: unknown) {
    super(typeof body === 'string' ? body : JSON.stringify(body));
  }
}

export const notFound = () => new FakeError(404, 'Not found');

export interface Reply {
  status?: number;
  json?: unknown;
  body?: Buffer;
  contentType?: string;
}

export interface Ctx {
  state: FakeAkkomaState;
  params: string[];
  query: Params;
  body: Params;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  pattern: RegExp;
  /** OAuth scope the route needs; its parents ("admin:read", "admin") are accepted too. None = public. */
  scope?: string;
  handler: (ctx: Ctx) => Reply | Promise<Reply>;
}
