/** The /api/v1/pleroma/admin/ routes the connector uses (instance-apis.md §5). */
import { z } from 'zod';
import type { Params } from '../mastodon/http';
import { FakeError, notFound, type Route } from './route-types';
import { serializeAccount, serializeReport, serializeStatus } from './serialize';
import type { FakeAkkomaState } from './state';

const P = '^/api/v1/pleroma/admin';
const R = (path: string) => new RegExp(`${P}${path}$`);

const reportUpdate = z.object({ reports: z.array(z.object({ id: z.string(), state: z.enum(['open', 'closed', 'resolved']) })).min(1) });
const nicknames = z.object({ nicknames: z.array(z.string()).min(1) });
const tagBody = nicknames.extend({ tags: z.array(z.string()).min(1) });
const purge = z.object({ urls: z.array(z.string()).min(1), ban: z.boolean().optional() });

function parse<T>(schema: z.ZodType<T>, body: Params): T {
  const r = schema.safeParse(body);
  if (!r.success) throw new FakeError(400, { error: z.prettifyError(r.error) });
  return r.data;
}

function users(state: FakeAkkomaState, names: string[]) {
  return names.map((n) => {
    const a = state.accounts.get(n);
    if (!a) throw notFound();
    return a;
  });
}

function positiveInt(v: unknown, fallback: number): number {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export const adminRoutes: Route[] = [
  {
    method: 'GET', pattern: R('/reports'), scope: 'admin:read:reports',
    handler: ({ state, query }) => {
      const page = positiveInt(query.page, 1);
      const pageSize = positiveInt(query.page_size, 50);
      const all = state.reportsNewestFirst().filter((r) => !query.state || r.state === query.state);
      const slice = all.slice((page - 1) * pageSize, page * pageSize);
      return { json: { total: all.length, reports: slice.map((r) => serializeReport(state, r)) } };
    },
  },
  {
    method: 'GET', pattern: R('/reports/([^/]+)'), scope: 'admin:read:reports',
    handler: ({ state, params: [id] }) => {
      const r = state.reports.get(id);
      if (!r) throw notFound();
      return { json: serializeReport(state, r) };
    },
  },
  {
    method: 'PATCH', pattern: R('/reports'), scope: 'admin:write:reports',
    handler: ({ state, body }) => {
      const { reports } = parse(reportUpdate, body);
      // Pleroma applies what it can and answers 400 with a per-item error list if anything failed.
      const errors = reports.filter((u) => !state.reports.has(u.id)).map((u) => ({ id: u.id, error: 'not_found' }));
      for (const u of reports) { const r = state.reports.get(u.id); if (r) r.state = u.state; }
      return errors.length ? { status: 400, json: errors } : { status: 204 };
    },
  },
  {
    method: 'POST', pattern: R('/reports/([^/]+)/notes'), scope: 'admin:write:reports',
    handler: ({ state, params: [id], body }) => {
      const r = state.reports.get(id);
      if (!r) throw notFound();
      const { content } = parse(z.object({ content: z.string().min(1) }), body);
      r.notes.push({ id: state.nextId('NT'), content, createdAt: state.tick() });
      return { status: 204 };
    },
  },
  {
    method: 'PUT', pattern: R('/statuses/([^/]+)'), scope: 'admin:write:statuses',
    handler: ({ state, params: [id], body }) => {
      const s = state.statuses.get(id);
      if (!s) throw notFound();
      const input = parse(z.object({ sensitive: z.boolean().optional(), visibility: z.string().optional() }), body);
      if (input.sensitive !== undefined) s.sensitive = input.sensitive;
      if (input.visibility !== undefined) s.visibility = input.visibility;
      return { json: serializeStatus(state, s) };
    },
  },
  {
    method: 'DELETE', pattern: R('/statuses/([^/]+)'), scope: 'admin:write:statuses',
    handler: ({ state, params: [id] }) => {
      if (!state.statuses.delete(id)) throw notFound();
      return { json: {} };
    },
  },
  ...(['deactivate', 'activate'] as const).map((verb): Route => ({
    method: 'PATCH', pattern: R(`/users/${verb}`), scope: 'admin:write:accounts',
    handler: ({ state, body }) => {
      const found = users(state, parse(nicknames, body).nicknames);
      for (const a of found) a.isActive = verb === 'activate';
      return { json: { users: found.map((a) => serializeAccount(state, a)) } };
    },
  })),
  ...(['PUT', 'DELETE'] as const).map((method): Route => ({
    method, pattern: R('/users/tag'), scope: 'admin:write:accounts',
    handler: ({ state, body }) => {
      const input = parse(tagBody, body);
      for (const a of users(state, input.nicknames)) {
        a.tags = method === 'PUT' ? [...new Set([...a.tags, ...input.tags])] : a.tags.filter((t) => !input.tags.includes(t));
      }
      return { status: 204 };
    },
  })),
  {
    method: 'POST', pattern: R('/media_proxy_caches/purge'), scope: 'admin:write:media_proxy_caches',
    handler: ({ state, body }) => {
      const input = parse(purge, body);
      if (input.ban) for (const url of input.urls) state.bannedUrls.add(url);
      return { json: input.urls };
    },
  },
];
