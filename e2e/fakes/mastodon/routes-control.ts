/**
 * The /__fake/ control API, so tests and scripts in other processes can drive and inspect the fake.
 * Unauthenticated on purpose: the fake only ever listens on loopback.
 */
import { z } from 'zod';
import { HttpError, type Params } from './http';
import { buildReport } from './new-report';
import { addAccount } from './seed';
import { serializeAdminAccount } from './serialize-account';
import type { Route } from './route-types';
import { serializeReport } from './serialize-report';
import { sendWebhook } from './webhook';
import { removalControlRoutes } from './routes-removal-control';
import { domainBlockControlRoutes } from './routes-domain-block-control';

const newReport = z.object({
  category: z.string().optional(),
  comment: z.string().optional(),
  forwarded: z.boolean().optional(),
  reporterAccountId: z.string().optional(),
  targetAccountId: z.string().optional(),
  statusCount: z.number().int().min(0).max(4).optional(),
  mediaTypes: z.array(z.enum(['image', 'gifv', 'video'])).max(4).optional(),
  statusHtml: z.string().optional(),
  resolved: z.boolean().optional(),
  createdAt: z.string().optional(),
});
/** A reporter (or target) made at a given time: reports from accounts made together look like a brigade. */
const newAccount = z.object({
  username: z.string().regex(/^[a-z0-9_]{1,30}$/),
  domain: z.string().min(1).max(253).nullable().default(null),
  createdAt: z.iso.datetime().optional(),
});
const webhook = z.object({
  targetUrl: z.string().url(),
  secret: z.string(),
  event: z.enum(['report.created', 'report.updated', 'status.created', 'status.updated']),
  reportId: z.coerce.string().optional(),
  statusId: z.coerce.string().optional(),
});
const rateLimit = z.object({
  remaining: z.number().int().min(0),
  times: z.number().int().positive().optional(),
  limit: z.number().int().positive().optional(),
  windowMs: z.number().int().positive().optional(),
});
const malformed = z.object({ reportId: z.coerce.string(), kind: z.enum(['missing_target', 'id_object', 'none']).default('missing_target') });
const auth = z.object({
  scopes: z.array(z.string()).optional(),
  rolePermissions: z.object({
    manageReports: z.boolean(), manageUsers: z.boolean(), manageFederation: z.boolean(), deleteUserData: z.boolean(),
  }).partial().optional(),
});

function parse<T>(schema: z.ZodType<T>, body: Params): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new HttpError(400, z.prettifyError(result.error));
  return result.data;
}

export const controlRoutes: Route[] = [
  ...removalControlRoutes(),
  ...domainBlockControlRoutes,
  { method: 'GET', pattern: /^\/__fake\/remote-fetches$/, handler: ({ state }) => ({ json: state.remoteFetches }) },
  { method: 'POST', pattern: /^\/__fake\/reset-remote-fetches$/, handler: ({ state }) => { state.remoteFetches = []; return { json: { ok: true } }; } },
  { method: 'GET', pattern: /^\/__fake\/records$/, handler: ({ state }) => ({ json: state.records }) },
  { method: 'POST', pattern: /^\/__fake\/reset-records$/, handler: ({ state }) => { state.records = []; return { json: { ok: true } }; } },
  { method: 'GET', pattern: /^\/__fake\/state$/, handler: ({ state }) => ({ json: state.summary() }) },
  {
    method: 'POST', pattern: /^\/__fake\/reports$/,
    handler: ({ state, body }) => ({ json: serializeReport(state, buildReport(state, parse(newReport, body))) }),
  },
  {
    method: 'POST', pattern: /^\/__fake\/accounts$/,
    handler: ({ state, body }) => {
      const input = parse(newAccount, body);
      return { json: serializeAdminAccount(state, addAccount(state, input.username, input.domain, null, input.createdAt)) };
    },
  },
  { method: 'POST', pattern: /^\/__fake\/webhook$/, handler: async ({ state, body }) => ({ json: await sendWebhook(state, parse(webhook, body)) }) },
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
      if (!state.reports.has(reportId)) throw new HttpError(404, 'Record not found');
      if (kind === 'none') state.malformed.delete(reportId);
      else state.malformed.set(reportId, kind);
      return { json: { ok: true, reportId, kind } };
    },
  },
  {
    method: 'POST', pattern: /^\/__fake\/auth$/,
    handler: ({ state, body }) => {
      const input = parse(auth, body);
      if (input.scopes) state.auth.scopes = input.scopes;
      Object.assign(state.auth.rolePermissions, input.rolePermissions ?? {});
      return { json: { scopes: state.auth.scopes, rolePermissions: state.auth.rolePermissions } };
    },
  },
];
