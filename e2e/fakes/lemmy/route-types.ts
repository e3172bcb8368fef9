import type { Params } from '../mastodon/http';
import type { FakeLemmyState } from './state';

/** Lemmy's error body: {"error":"snake_case"}; status 400 for nearly everything, 401 for incorrect_login. */
export class FakeError extends Error {
  constructor(readonly status: number, readonly error: string) {
    super(error);
  }
}

export interface Reply { status?: number; json?: unknown; body?: Buffer; contentType?: string }
export interface Ctx { state: FakeLemmyState; params: string[]; query: Params; body: Params }
export interface Route {
  method: 'GET' | 'POST' | 'PUT';
  pattern: RegExp;
  auth?: 'user' | 'admin';
  handler: (ctx: Ctx) => Reply | Promise<Reply>;
}
