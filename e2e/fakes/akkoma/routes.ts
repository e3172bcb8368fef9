/**
 * Dispatch: rate limit first (Akkoma's RateLimiter plug runs before auth), then token/scope, then the handler.
 * Every admin write call (and every report filed through POST /api/v1/reports) is recorded with its parsed body and final status, whatever the outcome.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseBody, readBody, parseParams, HttpError, type Params } from '../mastodon/http';
import { authorize } from './auth';
import { adminRoutes } from './routes-admin';
import { controlRoutes, isRemovalCall } from './routes-control';
import { publicRoutes } from './routes-public';
import { lookupRoutes } from './routes-lookup';
import { userRoutes } from './routes-users';
import { userReportRoutes } from './routes-user-reports';
import { FakeError, notFound, type Reply, type Route } from './route-types';
import type { FakeAkkomaState } from './state';
import { timelineRoutes } from './routes-timelines';
import { postControlRoutes } from './routes-posts-control';

const ROUTES: Route[] = [
  ...adminRoutes, ...userRoutes, ...lookupRoutes, ...userReportRoutes, ...publicRoutes, ...controlRoutes, ...timelineRoutes, ...postControlRoutes,
];

export async function handle(state: FakeAkkomaState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', state.baseUrl);
  const method = req.method ?? 'GET';
  let body: Params = {};
  let reply: Reply;
  try {
    const raw = method === 'GET' ? Buffer.alloc(0) : await readBody(req);
    body = parseBody(raw, url.pathname.startsWith('/__fake/') ? 'application/json' : req.headers['content-type']);
    // Logged as received, before auth and outcome: the crash test counts what reached the server.
    if (isRemovalCall(method, url.pathname)) state.removal.record(method, url.pathname);
    if (url.pathname.startsWith('/api/') && !state.rateLimiter.hit().allowed) throw new FakeError(429, { error: 'Throttled' });
    const match = findRoute(method, url.pathname);
    if (!match) throw notFound();
    authorize(state, req, match.route);
    reply = await match.route.handler({ state, params: match.params, query: parseParams(url.searchParams), body });
  } catch (e) {
    reply = errorReply(e);
  }
  if ((url.pathname.startsWith('/api/v1/pleroma/admin/') || url.pathname === '/api/v1/reports') && method !== 'GET') {
    state.records.push({ method, path: url.pathname, body, status: reply.status ?? 200, time: new Date().toISOString() });
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
  if (e instanceof FakeError) return { status: e.status, json: e.body };
  if (e instanceof HttpError) return { status: e.status, json: { error: e.error } }; // body parsing errors
  console.error('[fake-akkoma] handler failed', e);
  return { status: 500, json: { error: 'Internal server error' } };
}

function send(res: ServerResponse, reply: Reply): void {
  const status = reply.status ?? 200;
  if (status === 204) {
    res.writeHead(204).end();
    return;
  }
  const body = reply.body ?? Buffer.from(JSON.stringify(reply.json ?? {}));
  const type = reply.body ? reply.contentType ?? 'application/octet-stream' : 'application/json; charset=utf-8';
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': body.length }).end(body);
}
