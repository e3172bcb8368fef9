/** Route types and PeerTube's RFC 7807 error replies for the fake. */
import type { Params } from '../mastodon/http';
import type { FakePeerTubeState } from './state';

export class ProblemError extends Error {
  constructor(readonly status: number, readonly title: string, readonly detail: string, readonly extra: Record<string, unknown> = {}) {
    super(detail);
  }
}

export const notFound = (what = 'Resource') => new ProblemError(404, 'Not Found', `${what} not found`);

/**
 * PeerTube's express-validator failure (areValidationErrors): 400 "Incorrect request parameters: <field>" with the
 * field under invalid-params, as in the OpenAPI's "Validation errors" example. The message is express-validator's
 * default "Invalid value" unless the validator sets its own.
 */
export function invalidParam(field: string, value: unknown, location: 'body' | 'query' | 'params' = 'body', msg = 'Invalid value'): ProblemError {
  return new ProblemError(400, 'Bad Request', `Incorrect request parameters: ${field}`, {
    'invalid-params': { [field]: { location, msg, param: field, value } },
  });
}

export interface Reply {
  status?: number;
  json?: unknown;
  body?: Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}

/** Who is asking: the role of a valid bearer token, or null without one (public and optional-auth routes). */
export type Viewer = 'staff' | 'user' | null;

export interface Ctx {
  state: FakePeerTubeState;
  viewer: Viewer;
  params: string[];
  query: Params;
  body: Params;
  /** The bearer token that was sent, if any (revoke-token revokes exactly that one). */
  token?: string;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  pattern: RegExp;
  /**
   * 'staff' = a valid token of an admin or moderator; 'user' = any valid token; 'optional' = public, but a token
   * that is sent must be valid (PeerTube's optionalAuthenticate); none = public.
   */
  auth?: 'user' | 'staff' | 'optional';
  /** A removal (delete, block, mute): logged in state.removal once it passes the token and role checks. */
  destructive?: boolean;
  handler: (ctx: Ctx) => Reply | Promise<Reply>;
}

export function problemReply(e: ProblemError): Reply {
  return {
    status: e.status,
    contentType: 'application/problem+json; charset=utf-8',
    body: Buffer.from(JSON.stringify({
      type: `https://docs.joinpeertube.org/api-rest-reference.html#section/Errors/${e.status}`,
      title: e.title, status: e.status, detail: e.detail, docs: 'https://docs.joinpeertube.org/api-rest-reference.html', ...e.extra,
    })),
    headers: typeof e.extra.retryAfter === 'number' ? { 'Retry-After': String(e.extra.retryAfter) } : undefined,
  };
}
