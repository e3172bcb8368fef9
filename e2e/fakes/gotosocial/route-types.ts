import type { Params, Reply } from '../mastodon/http';
import type { Guard } from './auth';
import type { FakeState } from './state';

export interface Ctx {
  state: FakeState;
  params: string[];
  query: Params;
  body: Params;
  /** Absolute URL of the request path without query, for Link headers. */
  selfUrl: string;
}

export interface Route extends Guard {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  pattern: RegExp;
  handler: (ctx: Ctx) => Reply | Promise<Reply>;
}
