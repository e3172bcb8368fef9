/**
 * The /__fake/ control API, so tests and scripts in other processes can drive and inspect the fake.
 * Unauthenticated on purpose: the fake only ever listens on loopback.
 */
import { z } from 'zod';
import { HttpError, type Params } from '../mastodon/http';
import { buildReport } from './new-report';
import type { Route } from './route-types';
import { serializeReport } from './serialize';

const newReport = z.object({
  category: z.string().optional(),
  comment: z.string().optional(),
  forwarded: z.boolean().optional(),
  reporterAccountId: z.string().optional(),
  targetAccountId: z.string().optional(),
  statusCount: z.number().int().min(0).max(4).optional(),
  mediaCount: z.number().int().min(0).max(4).optional(),
  resolved: z.boolean().optional(),
  createdAt: z.string().optional(),
});
const rateLimit = z.object({
  remaining: z.number().int().min(0),
  times: z.number().int().positive().optional(),
  limit: z.number().int().positive().optional(),
  windowMs: z.number().int().positive().optional(),
});
const malformed = z.object({ reportId: z.string(), kind: z.enum(['missing_target', 'id_object', 'none']).default('missing_target') });
const runningAction = z.object({ accountId: z.string(), running: z.boolean().default(true) });
const auth = z.object({ scopes: z.array(z.string()).optional(), role: z.enum(['admin', 'moderator', 'user']).optional() });

function parse<T>(schema: z.ZodType<T>, body: Params): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new HttpError(400, z.prettifyError(result.error));
  return result.data;
}

const keepServing = z.object({ on: z.boolean() });

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
    handler: ({ state, body }) => ({ json: serializeReport(state, buildReport(state, parse(newReport, body))) }),
  },
  {
    method: 'POST', pattern: /^\/__fake\/rate-limit$/,
    handler: ({ state, body }) => {
      state.rateLimiter.force(parse(rateLimit, body));
      return { json: { ok: true, limit: state.rateLimiter.limit, windowMs: state.rateLimiter.windowMs } };
    },
  },
  {
    method: 'POST', pattern: /^\/__fake\/malformed$/,
    handler: ({ state, body }) => {
      const { reportId, kind } = parse(malformed, body);
      if (!state.reports.has(reportId)) throw new HttpError(404, 'Not Found: report not found');
      if (kind === 'none') state.malformed.delete(reportId);
      else state.malformed.set(reportId, kind);
      return { json: { ok: true, reportId, kind } };
    },
  },
  {
    method: 'POST', pattern: /^\/__fake\/running-action$/,
    handler: ({ state, body }) => {
      const { accountId, running } = parse(runningAction, body);
      if (!state.accounts.has(accountId)) throw new HttpError(404, 'Not Found: account not found');
      if (running) state.runningActions.add(accountId);
      else state.runningActions.delete(accountId);
      return { json: { ok: true, runningActions: [...state.runningActions] } };
    },
  },
  {
    method: 'POST', pattern: /^\/__fake\/auth$/,
    handler: ({ state, body }) => {
      const input = parse(auth, body);
      if (input.scopes) state.auth.scopes = input.scopes;
      if (input.role) state.admin().role = input.role;
      return { json: { scopes: state.auth.scopes, role: state.admin().role } };
    },
  },
];
