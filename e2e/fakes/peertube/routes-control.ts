/**
 * The /__fake/ control API, so tests and scripts in other processes can drive and inspect the fake.
 * Unauthenticated on purpose: the fake only ever listens on loopback.
 */
import { z } from 'zod';
import type { Params } from '../mastodon/http';
import { notFound, ProblemError, type Route } from './http';
import { PREDEFINED_REASONS } from './entities';
import { addAbuse } from './seed';
import { serializeAbuse } from './serialize';

const newAbuse = z.object({
  kind: z.enum(['video', 'comment', 'account']).optional(),
  flagged: z.string().optional(),
  reason: z.string().optional(),
  // As POST /api/v1/abuses validates them: a reason PeerTube does not know is a 400, not a report.
  predefinedReasons: z.array(z.enum(PREDEFINED_REASONS)).optional(),
  state: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  moderationComment: z.string().nullable().optional(),
});
const rateLimit = z.object({
  remaining: z.number().int().min(0),
  times: z.number().int().positive().optional(),
  limit: z.number().int().positive().optional(),
  windowMs: z.number().int().positive().optional(),
});
const malformed = z.object({ abuseId: z.number().int(), kind: z.enum(['missing_account', 'bad_state', 'none']).default('missing_account') });
const keepServing = z.object({ on: z.boolean() });
const auth = z.object({ role: z.number().int().min(0).max(2).optional(), expireAccess: z.boolean().optional(), expireAll: z.boolean().optional() });

function parse<T>(schema: z.ZodType<T>, body: Params): T {
  const r = schema.safeParse(body);
  if (!r.success) throw new ProblemError(400, 'Bad Request', z.prettifyError(r.error));
  return r.data;
}

export const controlRoutes: Route[] = [
  { method: 'GET', pattern: /^\/__fake\/records$/, handler: ({ state }) => ({ json: state.records }) },
  { method: 'POST', pattern: /^\/__fake\/reset-records$/, handler: ({ state }) => { state.records = []; return { json: { ok: true } }; } },
  { method: 'GET', pattern: /^\/__fake\/flags$/, handler: ({ state }) => ({ json: state.flagsSent }) },
  { method: 'GET', pattern: /^\/__fake\/remote-fetches$/, handler: ({ state }) => ({ json: state.remoteFetches }) },
  { method: 'POST', pattern: /^\/__fake\/reset-remote-fetches$/, handler: ({ state }) => { state.remoteFetches = []; return { json: { ok: true } }; } },
  { method: 'GET', pattern: /^\/__fake\/destructive-calls$/, handler: ({ state }) => ({ json: state.removal.calls }) },
  { method: 'POST', pattern: /^\/__fake\/reset-destructive-calls$/, handler: ({ state }) => { state.removal.reset(); return { json: { ok: true } }; } },
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
    handler: ({ state, body }) => ({ json: serializeAbuse(state, addAbuse(state, parse(newAbuse, body))) }),
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
      const { abuseId, kind } = parse(malformed, body);
      if (!state.abuses.has(abuseId)) throw notFound('Abuse');
      if (kind === 'none') state.malformed.delete(abuseId);
      else state.malformed.set(abuseId, kind);
      return { json: { ok: true, abuseId, kind } };
    },
  },
  {
    // expireAccess drops access tokens only (the refresh grant then works); expireAll drops the refresh tokens too.
    method: 'POST', pattern: /^\/__fake\/auth$/,
    handler: ({ state, body }) => {
      const input = parse(auth, body);
      if (input.role !== undefined) state.auth.role = input.role;
      if (input.expireAccess || input.expireAll) state.auth.access.clear();
      if (input.expireAll) state.auth.refresh.clear();
      return { json: { role: state.auth.role } };
    },
  },
];
