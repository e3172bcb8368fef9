import type { Params } from '../mastodon/http';
import type { FakeLemmyState, FakePerson } from './state';

/**
 * Lemmy's error body: {"error":"snake_case","message"?} (v4 may add "cause"). Status 400 for nearly everything,
 * 401 for incorrect_login, and 404 for not_found on v4.
 */
export class FakeError extends Error {
  constructor(readonly status: number, readonly error: string, readonly detail?: string) {
    super(error);
  }
}

export interface Reply { status?: number; json?: unknown; body?: Buffer; contentType?: string }
export interface Ctx {
  state: FakeLemmyState;
  params: string[];
  query: Params;
  body: Params;
  /** The JWT's person when a valid JWT came with the request, on any route; null otherwise. */
  viewer: FakePerson | null;
}
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  pattern: RegExp;
  auth?: 'user' | 'admin';
  /** A removal (purge, remove, ban, block): logged in state.removal once it passes the login check. */
  destructive?: boolean;
  handler: (ctx: Ctx) => Reply | Promise<Reply>;
}
