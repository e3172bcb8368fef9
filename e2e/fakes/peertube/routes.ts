/**
 * Dispatch: rate limit first (PeerTube's express-rate-limit runs before auth), then the bearer token and role,
 * then the handler. Every API write is recorded with its body and final status, whatever the outcome; token
 * grants are recorded by grant type only, so the records never hold a password.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, parseBody, parseParams, readBody, type Params } from '../mastodon/http';
import { apiRoutes } from './routes-api';
import { authorize, authRoutes, limitLogin } from './routes-auth';
import { controlRoutes } from './routes-control';
import { mediaRoutes } from './routes-media';
import { reportRoutes } from './routes-report';
import { searchRoutes } from './routes-search';
import { watchRoutes } from './routes-watch';
import { notFound, problemReply, ProblemError, type Reply, type Route } from './http';
import type { FakePeerTubeState } from './state';

const ROUTES: Route[] = [...authRoutes, ...apiRoutes, ...reportRoutes, ...mediaRoutes, ...searchRoutes, ...watchRoutes, ...controlRoutes];

export async function handle(state: FakePeerTubeState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', state.baseUrl);
  const method = req.method ?? 'GET';
  let body: Params = {};
  let reply: Reply;
  try {
    const raw = method === 'GET' ? Buffer.alloc(0) : await readBody(req);
    body = parseBody(raw, url.pathname.startsWith('/__fake/') ? 'application/json' : req.headers['content-type']);
    if (url.pathname.startsWith('/api/')) {
      const verdict = state.rateLimiter.hit();
      if (!verdict.allowed) {
        const retryAfter = Math.max(1, Math.ceil((verdict.resetAt.getTime() - Date.now()) / 1000));
        throw new ProblemError(429, 'Too Many Requests', 'Too many requests, please try again later.', { retryAfter });
      }
      limitLogin(state, req, url.pathname);
    }
    const match = findRoute(method, url.pathname);
    if (!match) throw notFound();
    const viewer = authorize(state, req, match.route);
    if (match.route.destructive) state.removal.record(method, url.pathname);
    const token = req.headers.authorization?.startsWith('Bearer ') ? req.headers.authorization.slice(7) : undefined;
    reply = await match.route.handler({ state, viewer, params: match.params, query: parseParams(url.searchParams), body, token });
  } catch (e) {
    reply = errorReply(e);
  }
  if (url.pathname.startsWith('/api/') && method !== 'GET') {
    const recorded = url.pathname.endsWith('/users/token') ? { grant_type: body.grant_type } : body;
    state.records.push({ method, path: url.pathname, body: recorded, status: reply.status ?? 200, time: new Date().toISOString() });
  }
  send(res, reply);
}

function findRoute(method: string, path: string): { route: Route; params: string[] } | null {
  for (const route of ROUTES) {
    const m = route.method === method ? route.pattern.exec(path) : null;
    if (m) return { route, params: m.slice(1) };
  }
  return null;
}

function errorReply(e: unknown): Reply {
  if (e instanceof ProblemError) return problemReply(e);
  if (e instanceof HttpError) return problemReply(new ProblemError(e.status, 'Bad Request', e.error));
  console.error('[fake-peertube] handler failed', e);
  return problemReply(new ProblemError(500, 'Internal Server Error', 'Internal server error'));
}

function send(res: ServerResponse, reply: Reply): void {
  const status = reply.status ?? 200;
  for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
  if (status === 204) {
    res.writeHead(204).end();
    return;
  }
  const body = reply.body ?? Buffer.from(JSON.stringify(reply.json ?? {}));
  const type = reply.body ? reply.contentType ?? 'application/octet-stream' : 'application/json; charset=utf-8';
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': body.length }).end(body);
}
