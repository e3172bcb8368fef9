/**
 * Copy lookups (issue 9) as Pleroma/Akkoma answers them, and the traps around them.
 *
 * DB-only, used by the connector: GET /api/v1/pleroma/admin/users?query=&filters=external (User.Query: ILIKE on
 * nickname/name/email) and GET /api/v1/pleroma/admin/users/<FlakeId>/statuses?godmode=true.
 * Traps: /users/<nickname>[/statuses] with an unknown remote nickname (User.get_cached_by_nickname →
 * get_or_fetch_by_nickname: WebFinger), and GET /api/v2/search with a URL this server does not hold
 * (DatabaseSearch.maybe_fetch calls Fetcher.fetch_object_from_id for any http(s) query, whatever `resolve` says), or
 * with resolve=true for an unknown user@domain. Each appends a RemoteFetchRecord instead of fetching.
 */
import { notFound, type Route } from './route-types';
import { serializeAccount, serializeStatus } from './serialize';
import type { FakeAkkomaState } from './state';
import type { FakeAccount } from './entities';
import { recordRead } from '../mastodon/read-record';
import { searchPosts, serializePost } from './routes-timelines';

const P = '^/api/v1/pleroma/admin';
const R = (path: string) => new RegExp(`${P}${path}$`);

function positiveInt(v: unknown, fallback: number, max = 500): number {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? Math.min(n, max) : fallback;
}

/** User.get_cached_by_nickname_or_id: a FlakeId first, then the nickname, fetched by WebFinger if remote and unknown. */
function userByNicknameOrId(state: FakeAkkomaState, nicknameOrId: string, endpoint: string): FakeAccount {
  const decoded = decodeURIComponent(nicknameOrId);
  const byId = [...state.accounts.values()].find((a) => a.id === decoded);
  const user = byId ?? state.accounts.get(decoded);
  if (user) return user;
  if (/^[^@]+@[^@]+$/.test(decoded)) state.recordFetch(endpoint, decoded);
  throw notFound();
}

export const lookupRoutes: Route[] = [
  {
    method: 'GET', pattern: R('/users'), scope: 'admin:read:accounts',
    handler: ({ state, query }) => {
      const page = positiveInt(query.page, 1);
      const pageSize = positiveInt(query.page_size, 50);
      const filters = String(query.filters ?? '').split(',').filter(Boolean);
      const q = String(query.query ?? '').toLowerCase();
      const all = [...state.accounts.values()].filter((a) => {
        const remote = a.nickname.includes('@');
        if (filters.includes('local') && remote) return false;
        if (filters.includes('external') && !remote) return false;
        if (filters.includes('active') && !a.isActive) return false;
        if (filters.includes('deactivated') && a.isActive) return false;
        return !q || a.nickname.toLowerCase().includes(q) || a.displayName.toLowerCase().includes(q);
      });
      const users = all.slice((page - 1) * pageSize, page * pageSize).map((a) => serializeAccount(state, a));
      return { json: { users, count: all.length, page_size: pageSize } };
    },
  },
  {
    method: 'GET', pattern: R('/users/([^/]+)/statuses'), scope: 'admin:read:statuses',
    handler: ({ state, params: [nick], query }) => {
      const user = userByNicknameOrId(state, nick, 'GET /api/v1/pleroma/admin/users/:nickname/statuses');
      const pageSize = positiveInt(query.page_size, 20);
      const page = positiveInt(query.page, 1);
      const godmode = query.godmode === 'true';
      const mine = [...state.statuses.values()]
        .filter((s) => s.nickname === user.nickname && (godmode || s.visibility === 'public' || s.visibility === 'unlisted'))
        .sort((a, b) => (a.id < b.id ? 1 : -1));
      return { json: { total: mine.length, activities: mine.slice((page - 1) * pageSize, page * pageSize).map((s) => serializeStatus(state, s)) } };
    },
  },
  {
    method: 'GET', pattern: R('/users/([^/]+)'), scope: 'admin:read:accounts',
    handler: ({ state, params: [nick] }) => ({ json: serializeAccount(state, userByNicknameOrId(state, nick, 'GET /api/v1/pleroma/admin/users/:nickname')) }),
  },
  // Trap for copy lookups (a URL is fetched); watch scans use it for keywords without a URL (connectors/akkoma/watch.ts).
  {
    method: 'GET', pattern: /^\/api\/v2\/search$/, scope: 'read:search',
    handler: ({ state, query }) => {
      recordRead(state.reads, '/api/v2/search', query);
      const q = String(query.q ?? '').trim();
      const byUrl = [...state.statuses.values()].filter((s) => q && (serializeStatus(state, s).uri === q || serializeStatus(state, s).url === q));
      // DatabaseSearch: a full-text query over stored posts, no Elasticsearch needed (watch lists, search-posts.ts).
      const statuses = /https?:/.test(q) ? byUrl : searchPosts(state, q, query);
      const accounts = [...state.accounts.values()].filter((a) => q && a.nickname.toLowerCase() === q.replace(/^@/, '').toLowerCase());
      if (/https?:/.test(q) && statuses.length === 0) state.recordFetch('GET /api/v2/search', q);
      else if (query.resolve === 'true' && /^@?[^@\s]+@[^@\s]+$/.test(q) && accounts.length === 0) state.recordFetch('GET /api/v2/search', q.replace(/^@/, ''));
      return { json: { accounts: accounts.map((a) => serializeAccount(state, a)), statuses: statuses.map((s) => serializePost(state, s)), hashtags: [] } };
    },
  },
];
