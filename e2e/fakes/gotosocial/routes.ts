/**
 * Dispatch: rate limit first (GoToSocial's middleware runs before auth), then token/scope/role, then the
 * handler. Every admin write (and every report filed through POST /api/v1/reports) is recorded with its query, parsed body and final status, whatever the outcome.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, parseBody, parseParams, readBody, send, type Params, type Reply } from '../mastodon/http';
import { authorize } from './auth';
import type { Route } from './route-types';
import { adminRoutes } from './routes-admin';
import { domainBlockRoutes } from './routes-domain-blocks';
import { controlRoutes } from './routes-control';
import { publicRoutes } from './routes-public';
import { searchRoutes } from './routes-search';
import { userReportRoutes } from './routes-user-reports';
import { isRemovalCall } from './removals';
import type { FakeState } from './state';
import { timelineRoutes } from './routes-timelines';
import { postControlRoutes } from './routes-posts-control';

const ROUTES: Route[] = [
  ...publicRoutes, ...searchRoutes, ...adminRoutes, ...domainBlockRoutes, ...userReportRoutes, ...controlRoutes, ...timelineRoutes, ...postControlRoutes,
];

export async function handle(state: FakeState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', state.baseUrl);
  const method = req.method ?? 'GET';
  const query = parseParams(url.searchParams);
  let body: Params = {};
  let reply: Reply;
  const rateHeaders: Record<string, string> = {};
  try {
    const raw = method === 'GET' || method === 'HEAD' ? Buffer.alloc(0) : await readBody(req);
    const isControl = url.pathname.startsWith('/__fake/');
    body = parseBody(raw, isControl ? 'application/json' : req.headers['content-type']);
    // Logged as received, before auth and outcome: the crash test counts what reached the server.
    if (isRemovalCall(method, url.pathname)) state.removal.record(method, url.pathname);
    if (url.pathname.startsWith('/api/')) rateLimit(state, rateHeaders);
    const match = findRoute(method, url.pathname);
    if (!match) throw new HttpError(404, 'Not Found');
    authorize(state, req, match.route);
    reply = await match.route.handler({ state, params: match.params, query, body, selfUrl: `${state.baseUrl}${url.pathname}` });
  } catch (e) {
    reply = errorReply(e);
  }
  reply.headers = { ...rateHeaders, ...reply.headers };
  if ((url.pathname.startsWith('/api/v1/admin/') || url.pathname === '/api/v1/reports') && method !== 'GET') {
    state.records.push({ method, path: url.pathname, query, body, status: reply.status ?? 200, time: new Date().toISOString() });
  }
  send(res, reply);
}

/** GoToSocial's header spelling; Reset is an ISO8601 time, not seconds. */
function rateLimit(state: FakeState, headers: Record<string, string>): void {
  const verdict = state.rateLimiter.hit();
  headers['X-Ratelimit-Limit'] = String(verdict.limit);
  headers['X-Ratelimit-Remaining'] = String(verdict.remaining);
  headers['X-Ratelimit-Reset'] = verdict.resetAt.toISOString();
  if (!verdict.allowed) throw new HttpError(429, 'Too Many Requests: rate limit reached, try again later');
}

function findRoute(method: string, path: string): { route: Route; params: string[] } | null {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const m = route.pattern.exec(path);
    if (m) return { route, params: m.slice(1) };
  }
  return null;
}

function errorReply(e: unknown): Reply {
  if (e instanceof HttpError) return { status: e.status, json: { error: e.error, ...e.extra } };
  console.error('[fake-gotosocial] handler failed', e);
  return { status: 500, json: { error: 'Internal Server Error' } };
}
