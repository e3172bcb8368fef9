/** The /__fake/ control API. Unauthenticated on purpose: the fake only ever listens on loopback. */
import { z } from 'zod';
import type { Params } from '../mastodon/http';
import { FakeError, type Route } from './route-types';
import { addReport } from './seed';
import { serializeReport } from './serialize';
import { serializeCombinedV4 } from './serialize-v4';

const newReport = z.object({
  type: z.enum(['post', 'comment', 'pm', 'community']).optional(), reason: z.string().optional(), resolved: z.boolean().optional(),
  creatorId: z.number().int().optional(), targetId: z.number().int().optional(), withImage: z.boolean().optional(),
});
const rateLimit = z.object({ remaining: z.number().int().min(0), times: z.number().int().positive().optional() });
const malformed = z.object({ reportId: z.string().regex(/^(post|comment|pm|community):\d+$/), on: z.boolean().default(true) });
const auth = z.object({ admin: z.boolean().optional(), expireTokens: z.boolean().optional() });
const keepServing = z.object({ on: z.boolean() });
const domainBlock = z.object({ domain: z.string().min(1), severity: z.enum(['suspend', 'silence', 'noop']).optional() });

function parse<T>(schema: z.ZodType<T>, body: Params): T {
  const r = schema.safeParse(body);
  if (!r.success) throw new FakeError(400, z.prettifyError(r.error));
  return r.data;
}

export const controlRoutes: Route[] = [
  {
    // Every block as [{domain, severity, rejectMedia, rejectReports}] sorted by domain: Lemmy has only full blocks.
    method: 'GET', pattern: /^\/__fake\/domain-blocks$/,
    handler: ({ state }) => ({
      json: [...state.blockedInstances].sort().map((domain) => ({ domain, severity: 'suspend', rejectMedia: false, rejectReports: false })),
    }),
  },
  {
    // A block made in Lemmy's own admin settings; any severity becomes a full block, the only kind Lemmy has.
    method: 'POST', pattern: /^\/__fake\/domain-blocks$/,
    handler: ({ state, body }) => {
      const domain = parse(domainBlock, body).domain.trim().toLowerCase();
      if (!state.blockedInstances.includes(domain)) state.blockedInstances = [...state.blockedInstances, domain];
      return { json: { domain, severity: 'suspend', rejectMedia: false, rejectReports: false } };
    },
  },
  {
    method: 'DELETE', pattern: /^\/__fake\/domain-blocks\/([^/]+)$/,
    handler: ({ state, params }) => {
      const domain = decodeURIComponent(params[0]).toLowerCase();
      if (!state.blockedInstances.includes(domain)) throw new FakeError(404, 'not_found');
      state.blockedInstances = state.blockedInstances.filter((d) => d !== domain);
      return { json: { ok: true } };
    },
  },
  { method: 'GET', pattern: /^\/__fake\/records$/, handler: ({ state }) => ({ json: state.records }) },
  { method: 'GET', pattern: /^\/__fake\/remote-fetches$/, handler: ({ state }) => ({ json: state.remoteFetches }) },
  {
    method: 'POST', pattern: /^\/__fake\/reset-remote-fetches$/,
    handler: ({ state }) => {
      state.remoteFetches = [];
      return { json: { ok: true } };
    },
  },
  { method: 'GET', pattern: /^\/__fake\/destructive-calls$/, handler: ({ state }) => ({ json: state.removal.calls }) },
  {
    method: 'POST', pattern: /^\/__fake\/reset-destructive-calls$/,
    handler: ({ state }) => {
      state.removal.reset();
      return { json: { ok: true } };
    },
  },
  {
    method: 'POST', pattern: /^\/__fake\/keep-serving$/,
    handler: ({ state, body }) => {
      state.removal.keepServing = parse(keepServing, body).on;
      return { json: { on: state.removal.keepServing } };
    },
  },
  { method: 'GET', pattern: /^\/__fake\/state$/, handler: ({ state }) => ({ json: state.summary() }) },
  {
    method: 'POST', pattern: /^\/__fake\/reports$/,
    handler: ({ state, body }) => {
      const r = addReport(state, parse(newReport, body));
      return { json: r.type === 'community' ? serializeCombinedV4(state, r) : serializeReport(state, r) };
    },
  },
  {
    method: 'POST', pattern: /^\/__fake\/rate-limit$/,
    handler: ({ state, body }) => {
      state.rateLimiter.force(parse(rateLimit, body));
      return { json: { ok: true } };
    },
  },
  {
    method: 'POST', pattern: /^\/__fake\/malformed$/,
    handler: ({ state, body }) => {
      const { reportId, on } = parse(malformed, body);
      if (on) state.malformed.add(reportId);
      else state.malformed.delete(reportId);
      return { json: { ok: true } };
    },
  },
  {
    method: 'POST', pattern: /^\/__fake\/auth$/,
    handler: ({ state, body }) => {
      const input = parse(auth, body);
      if (input.admin !== undefined) state.admin().admin = input.admin;
      if (input.expireTokens) state.jwts.clear();
      return { json: { admin: state.admin().admin, jwts: state.jwts.size } };
    },
  },
];
