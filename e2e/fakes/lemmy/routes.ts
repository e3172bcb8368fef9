/**
 * Dispatch: rate limit first, then the JWT check, then the handler. Lemmy 0.19 reports rate limiting as HTTP
 * 400 {"error":"rate_limit_error"}, not 429, so the fake does too. Writes under /api/ are recorded.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, parseBody, parseParams, readBody, type Params } from '../mastodon/http';
import { FakeError, type Reply, type Route } from './route-types';
import { apiRoutes } from './routes-api';
import { controlRoutes } from './routes-control';
import type { FakeLemmyState } from './state';

const ROUTES: Route[] = [...apiRoutes, ...controlRoutes];

export async function handle(state: FakeLemmyState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', state.baseUrl);
  const method = req.method ?? 'GET';
  let body: Params = {};
  let reply: Reply;
  try {
    const raw = method === 'GET' ? Buffer.alloc(0) : await readBody(req);
    body = parseBody(raw, 'application/json');
    if (url.pathname.startsWith('/api/') && !state.rateLimiter.hit().allowed) throw new FakeError(400, 'rate_limit_error');
    const match = findRoute(method, url.pathname);
    if (!match) throw new FakeError(404, 'not_found');
    authorize(state, req, match.route);
    reply = await match.route.handler({ state, params: match.params, query: parseParams(url.searchParams), body });
  } catch (e) {
    reply = errorReply(e);
  }
  if (url.pathname.startsWith('/api/') && method !== 'GET' && !url.pathname.endsWith('/user/login')) {
    state.records.push({ method, path: url.pathname, body, status: reply.status ?? 200, time: new Date().toISOString() });
  }
  send(res, reply);
}

/** An unknown or expired JWT is answered as 401 incorrect_login here, so clients can tell it from other 400s. */
function authorize(state: FakeLemmyState, req: IncomingMessage, route: Route): void {
  if (!route.auth) return;
  const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
  if (!m || !state.jwts.has(m[1].trim())) throw new FakeError(401, 'incorrect_login');
  if (route.auth === 'admin' && !state.admin().admin) throw new FakeError(400, 'not_an_admin');
}

function findRoute(method: string, path: string): { route: Route; params: string[] } | null {
  for (const route of ROUTES) {
    const m = route.method === method ? route.pattern.exec(path) : null;
    if (m) return { route, params: m.slice(1) };
  }
  return null;
}

function errorReply(e: unknown): Reply {
  if (e instanceof FakeError) return { status: e.status, json: { error: e.error } };
  if (e instanceof HttpError) return { status: 400, json: { error: 'couldnt_parse_body' } };
  console.error('[fake-lemmy] handler failed', e);
  return { status: 500, json: { error: 'unknown' } };
}

function send(res: ServerResponse, reply: Reply): void {
  const body = reply.body ?? Buffer.from(JSON.stringify(reply.json ?? {}));
  const type = reply.body ? reply.contentType ?? 'application/octet-stream' : 'application/json';
  res.writeHead(reply.status ?? 200, { 'Content-Type': type, 'Content-Length': body.length }).end(body);
}
