/**
 * The instance's server block list as PeerTube 7 serves it (server/core/controllers/api/server/server-blocklist.ts,
 * middlewares/validators/blocklist.ts): GET /api/v1/server/blocklist/servers pages with start/count (count at most
 * 100) sorted by -createdAt and answers {total, data: [{byAccount, blockedServer: {id, host}, createdAt}]}; POST
 * {host} upserts (blocking an already-blocked host answers 204 again; only the instance's own host is a 409);
 * DELETE /servers/:host answers 404 "Server block entry not found." when the host is not blocked.
 * Plus /__fake/domain-blocks, the control shape every fake shares.
 */
import { z } from 'zod';
import { str, type Params } from '../mastodon/http';
import { invalidParam, ProblemError, type Route } from './http';
import type { FakePeerTubeState } from './state';

const NO_CONTENT = { status: 204 };
const MAX_COUNT = 100;

/**
 * isHostValid: validator's isURL with a host and no scheme. A TLD is required, except on an instance served from
 * localhost or 127.0.0.1 (as this fake is), where PeerTube drops that rule.
 */
function validHost(v: unknown): string | null {
  const host = str(v);
  if (!host || host.includes('://') || host.length > 253) return null;
  return /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::\d{1,5})?$/i.test(host) ? host : null;
}

function int(v: unknown, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const s = str(v);
  if (s === undefined) return fallback;
  const n = Number(s);
  if (!Number.isInteger(n) || n < 0 || n > max) throw invalidParam(fallback === 0 ? 'start' : 'count', s, 'query');
  return n;
}

function block(state: FakePeerTubeState, host: string): void {
  if (!state.blockedServers.has(host)) state.blockedServers.set(host, { id: state.nextId(), createdAt: new Date().toISOString() });
}

const newBlock = z.object({ domain: z.string().trim().min(1), malformed: z.boolean().default(false) });

function parse<T>(schema: z.ZodType<T>, body: Params): T {
  const r = schema.safeParse(body);
  if (!r.success) throw new ProblemError(400, 'Bad Request', z.prettifyError(r.error));
  return r.data;
}

export const serverBlocklistRoutes: Route[] = [
  {
    method: 'GET', pattern: /^\/api\/v1\/server\/blocklist\/servers$/, auth: 'staff',
    handler: ({ state, query }) => {
      const start = int(query.start, 0);
      const count = int(query.count, 15, MAX_COUNT);
      const sort = str(query.sort) ?? '-createdAt';
      if (sort !== 'createdAt' && sort !== '-createdAt') throw invalidParam('sort', sort, 'query');
      const dir = sort === 'createdAt' ? 1 : -1;
      const rows = [...state.blockedServers.entries()].sort((a, b) => dir * (a[1].createdAt.localeCompare(b[1].createdAt) || a[1].id - b[1].id));
      const byAccount = { id: 1, name: 'peertube', displayName: 'peertube', host: state.host };
      return {
        json: {
          total: rows.length,
          data: rows.slice(start, start + count).map(([host, b]) => ({
            byAccount,
            blockedServer: b.malformed ? null : { id: b.id, host },
            createdAt: b.createdAt,
          })),
        },
      };
    },
  },
  {
    method: 'POST', pattern: /^\/api\/v1\/server\/blocklist\/servers$/, auth: 'staff', destructive: true,
    handler: ({ state, body }) => {
      const host = validHost(body.host);
      if (!host) throw invalidParam('host', body.host, 'body', 'Should have a valid host');
      if (host === state.host) throw new ProblemError(409, 'Conflict', 'You cannot block your own server.');
      block(state, host);
      return NO_CONTENT;
    },
  },
  {
    method: 'DELETE', pattern: /^\/api\/v1\/server\/blocklist\/servers\/([^/]+)$/, auth: 'staff',
    handler: ({ state, params }) => {
      const host = decodeURIComponent(params[0]);
      if (!validHost(host)) throw invalidParam('host', host, 'params', 'Should have an account name with host');
      if (!state.blockedServers.delete(host)) throw new ProblemError(404, 'Not Found', 'Server block entry not found.');
      return NO_CONTENT;
    },
  },
  {
    // PeerTube has no severity: every server block reads as a full block (suspend) here.
    method: 'GET', pattern: /^\/__fake\/domain-blocks$/,
    handler: ({ state }) => ({
      json: [...state.blockedServers.keys()].sort().map((domain) => ({ domain, severity: 'suspend', rejectMedia: false, rejectReports: false })),
    }),
  },
  {
    method: 'POST', pattern: /^\/__fake\/domain-blocks$/,
    handler: ({ state, body }) => {
      const input = parse(newBlock, body);
      const host = input.domain.toLowerCase();
      block(state, host);
      if (input.malformed) state.blockedServers.get(host)!.malformed = true;
      return { json: { domain: host } };
    },
  },
  {
    method: 'DELETE', pattern: /^\/__fake\/domain-blocks\/([^/]+)$/,
    handler: ({ state, params }) => {
      if (!state.blockedServers.delete(decodeURIComponent(params[0]).toLowerCase())) throw new ProblemError(404, 'Not Found', 'Server block entry not found.');
      return { json: { ok: true } };
    },
  },
];
