/**
 * Dispatch: rate limit first, then the JWT check, then the handler. Lemmy 0.19 reports rate limiting as HTTP
 * 400 {"error":"rate_limit_error"}, not 429, so the fake does too. /api/v4 exists only on a 1.0 fake; a 0.19
 * fake answers it 404 like a real 0.19. Writes under /api/ are recorded, except logins (their body is the
 * password).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, parseBody, parseParams, readBody, type Params } from '../mastodon/http';
import { FakeError, type Reply, type Route } from './route-types';
import { apiRoutes } from './routes-api';
import { mediaRoutes } from './routes-media';
import { controlRoutes } from './routes-control';
import { lookupRoutes } from './routes-lookup';
import { purgeRoutes } from './routes-purge';
import { reportRoutes } from './routes-report';
import { v4Routes } from './routes-v4';
import { watchRoutes } from './routes-watch';
import type { FakeLemmyState, FakePerson } from './state';

const ROUTES: Route[] = [...mediaRoutes, ...apiRoutes, ...v4Routes, ...purgeRoutes, ...reportRoutes, ...lookupRoutes, ...watchRoutes, ...controlRoutes];
const LOGIN_PATHS = ['/api/v3/user/login', '/api/v4/account/auth/login'];

export async function handle(state: FakeLemmyState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', state.baseUrl);
  const method = req.method ?? 'GET';
  let body: Params = {};
  let reply: Reply;
  try {
    const raw = method === 'GET' ? Buffer.alloc(0) : await readBody(req);
    body = parseBody(raw, 'application/json');
    if (url.pathname.startsWith('/api/') && !state.rateLimiter.hit().allowed) throw new FakeError(400, 'rate_limit_error');
    const match = url.pathname.startsWith('/api/v4/') && !state.servesV4 ? null : findRoute(method, url.pathname);
    if (!match) throw new FakeError(404, 'not_found');
    const viewer = authorize(state, req, match.route);
    if (match.route.destructive) state.removal.record(method, url.pathname);
    reply = await match.route.handler({ state, params: match.params, query: parseParams(url.searchParams), body, viewer });
  } catch (e) {
    reply = errorReply(e);
  }
  if (url.pathname.startsWith('/api/') && method !== 'GET' && !LOGIN_PATHS.includes(url.pathname)) {
    state.records.push({ method, path: url.pathname, body, status: reply.status ?? 200, time: new Date().toISOString() });
  }
  send(res, reply);
}

/**
 * As in Lemmy 0.19 and 1.0: the session middleware silently drops an unknown or expired JWT, so routes with
 * optional login (GET /site) answer anonymously, and routes that need a user answer 401 incorrect_login (the
 * LocalUserView extractor's error; lemmy 0.19 crates/utils/src/error.rs maps only IncorrectLogin to 401).
 */
function authorize(state: FakeLemmyState, req: IncomingMessage, route: Route): FakePerson | null {
  const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
  const viewer = m && state.jwts.has(m[1].trim()) ? state.admin() : null; // every JWT the fake issues is the admin account's
  if (!route.auth) return viewer;
  if (!viewer) throw new FakeError(401, 'incorrect_login');
  if (route.auth === 'admin' && !viewer.admin) throw new FakeError(400, 'not_an_admin');
  return viewer;
}

function findRoute(method: string, path: string): { route: Route; params: string[] } | null {
  for (const route of ROUTES) {
    const m = route.method === method ? route.pattern.exec(path) : null;
    if (m) return { route, params: m.slice(1) };
  }
  return null;
}

function errorReply(e: unknown): Reply {
  if (e instanceof FakeError) return { status: e.status, json: e.detail === undefined ? { error: e.error } : { error: e.error, message: e.detail } };
  if (e instanceof HttpError) return { status: 400, json: { error: 'couldnt_parse_body' } };
  console.error('[fake-lemmy] handler failed', e);
  return { status: 500, json: { error: 'unknown' } };
}

function send(res: ServerResponse, reply: Reply): void {
  const body = reply.body ?? Buffer.from(JSON.stringify(reply.json ?? {}));
  const type = reply.body ? reply.contentType ?? 'application/octet-stream' : 'application/json';
  res.writeHead(reply.status ?? 200, { 'Content-Type': type, 'Content-Length': body.length }).end(body);
}
