/**
 * The /__fake/ control API, so tests and scripts in other processes can drive and inspect the fake.
 * Unauthenticated on purpose: the fake only ever listens on loopback.
 */
import { z } from 'zod';
import { parse } from './body';
import { notFound, type Route } from './route-types';
import { addReport } from './seed';
import { serializeReport } from './serialize';

const newReport = z.object({
  actor: z.string().optional(),
  account: z.string().optional(),
  content: z.string().optional(),
  state: z.enum(['open', 'closed', 'resolved']).optional(),
  statusCount: z.number().int().min(0).max(4).optional(),
});
const rateLimit = z.object({
  remaining: z.number().int().min(0),
  times: z.number().int().positive().optional(),
  limit: z.number().int().positive().optional(),
  windowMs: z.number().int().positive().optional(),
});
const malformed = z.object({ reportId: z.string(), kind: z.enum(['missing_account', 'id_object', 'bad_note', 'none']).default('missing_account') });

const keepServing = z.object({ on: z.boolean() });

/** Removal calls as Akkoma's admin API knows them: post and user deletes, deactivations, media proxy purges. */
export function isRemovalCall(method: string, path: string): boolean {
  const admin = '/api/v1/pleroma/admin';
  if (method === 'DELETE') return path === `${admin}/users` || path.startsWith(`${admin}/statuses/`);
  if (method === 'PATCH') return path === `${admin}/users/deactivate`;
  return method === 'POST' && path === `${admin}/media_proxy_caches/purge`;
}

export const controlRoutes: Route[] = [
  { method: 'GET', pattern: /^\/__fake\/destructive-calls$/, handler: ({ state }) => ({ json: state.removal.calls }) },
  { method: 'POST', pattern: /^\/__fake\/reset-destructive-calls$/, handler: ({ state }) => { state.removal.reset(); return { json: { ok: true } }; } },
  {
    method: 'POST', pattern: /^\/__fake\/keep-serving$/,
    handler: ({ state, body }) => {
      state.removal.keepServing = parse(keepServing, body).on;
      return { json: { ok: true, on: state.removal.keepServing } };
    },
  },
  { method: 'GET', pattern: /^\/__fake\/forwards$/, handler: ({ state }) => ({ json: state.forwardLog.forwards }) },
  { method: 'POST', pattern: /^\/__fake\/reset-forwards$/, handler: ({ state }) => { state.forwardLog.reset(); return { json: { ok: true } }; } },
  { method: 'GET', pattern: /^\/__fake\/records$/, handler: ({ state }) => ({ json: state.records }) },
  { method: 'POST', pattern: /^\/__fake\/reset-records$/, handler: ({ state }) => { state.records = []; return { json: { ok: true } }; } },
  { method: 'GET', pattern: /^\/__fake\/remote-fetches$/, handler: ({ state }) => ({ json: state.remoteFetches }) },
  { method: 'POST', pattern: /^\/__fake\/reset-remote-fetches$/, handler: ({ state }) => { state.remoteFetches = []; return { json: { ok: true } }; } },
  { method: 'GET', pattern: /^\/__fake\/state$/, handler: ({ state }) => ({ json: state.summary() }) },
  {
    method: 'POST', pattern: /^\/__fake\/reports$/,
    handler: ({ state, body }) => ({ json: serializeReport(state, addReport(state, parse(newReport, body))) }),
  },
  {
    method: 'POST', pattern: /^\/__fake\/rate-limit$/,
    handler: ({ state, body }) => {
      state.rateLimiter.force(parse(rateLimit, body));
      return { json: { ok: true, limit: state.rateLimiter.limit } };
    },
  },
  {
    method: 'POST', pattern: /^\/__fake\/malformed$/,
    handler: ({ state, body }) => {
      const { reportId, kind } = parse(malformed, body);
      if (!state.reports.has(reportId)) throw notFound();
      if (kind === 'none') state.malformed.delete(reportId);
      else state.malformed.set(reportId, kind);
      return { json: { ok: true, reportId, kind } };
    },
  },
  {
    method: 'POST', pattern: /^\/__fake\/auth$/,
    handler: ({ state, body }) => {
      const input = parse(z.object({ scopes: z.array(z.string()).optional(), isAdmin: z.boolean().optional() }), body);
      if (input.scopes) state.auth.scopes = input.scopes;
      if (input.isAdmin !== undefined) state.admin().isAdmin = input.isAdmin;
      return { json: { scopes: state.auth.scopes, isAdmin: state.admin().isAdmin } };
    },
  },
];
