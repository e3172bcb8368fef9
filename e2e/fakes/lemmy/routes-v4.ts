/**
 * The /api/v4/ routes (Lemmy 1.0, instance-apis.md §3; paths from LemmyNet/lemmy crates/api/routes/src/lib.rs),
 * served from the same state as v3 and only by a fake whose version is 1.0 or later (routes.ts gates them).
 * Differences from v3 the fake reproduces: one combined report list with opaque cursors, NotFound as 404
 * not_found, `reason` required on removals and bans, instance blocks one at a time, community reports.
 */
import { z } from 'zod';
import { loginHandler, parse, positiveInt } from './route-helpers';
import { FakeError, type Route } from './route-types';
import { serializeCombinedV4, serializePersonV4, serializeReportViewV4 } from './serialize-v4';
import type { FakeLemmyState, FakeReport, ReportType } from './state';

const V4 = (path: string) => new RegExp(`^/api/v4${path}$`);

/** ListReports type_ (ReportType, snake_case in 1.0; the Rust names of early alphas are accepted too). */
const TYPE_FILTER: Record<string, ReportType[] | null> = {
  all: null, All: null, posts: ['post'], Posts: ['post'], comments: ['comment'], Comments: ['comment'],
  private_messages: ['pm'], PrivateMessages: ['pm'], communities: ['community'], Communities: ['community'],
};

const RESOLVE: Array<[string, ReportType, string]> = [
  ['post', 'post', 'post_report_view'], ['comment', 'comment', 'comment_report_view'],
  ['private_message', 'pm', 'private_message_report_view'], ['community', 'community', 'community_report_view'],
];

/**
 * Opaque keyset cursor: the last item's (published, type, id). Real 1.0 cursors are opaque strings too
 * (PaginationCursor); clients must not look inside.
 */
function encodeCursor(r: FakeReport): string {
  return Buffer.from(`k1|${r.published}|${r.type}|${r.id}`).toString('base64url');
}

function decodeCursor(s: string): string {
  const m = /^k1\|([^|]+)\|(post|comment|pm|community)\|(\d+)$/.exec(Buffer.from(s, 'base64url').toString('utf8'));
  if (!m) throw new FakeError(400, 'couldnt_parse_pagination_token');
  return sortKey({ published: m[1], type: m[2] as ReportType, id: Number(m[3]) });
}

const sortKey = (r: Pick<FakeReport, 'published' | 'type' | 'id'>) => `${r.published}|${r.type}|${String(r.id).padStart(12, '0')}`;

function listReports(state: FakeLemmyState, query: Record<string, unknown>, admin: boolean) {
  const type = query.type_ === undefined ? 'all' : String(query.type_);
  if (!Object.hasOwn(TYPE_FILTER, type)) throw new FakeError(400, 'invalid_query');
  const only = TYPE_FILTER[type];
  const unresolvedOnly = query.unresolved_only === 'true';
  const limit = positiveInt(query.limit, 20);
  // Private message and community reports go to admins only (filter_mod_reports in 1.0).
  const visible = (r: FakeReport) => admin || r.type === 'post' || r.type === 'comment';
  // 1.0 lists unresolved reports oldest first (a queue) and everything else newest first.
  const dir = unresolvedOnly ? 1 : -1;
  const all = [...state.reports.values()]
    .filter((r) => visible(r) && (!only || only.includes(r.type)) && (!unresolvedOnly || !r.resolved))
    .sort((a, b) => (sortKey(a) < sortKey(b) ? -dir : dir));
  const after = typeof query.page_cursor === 'string' && query.page_cursor ? decodeCursor(query.page_cursor) : null;
  const start = after === null ? 0 : all.findIndex((r) => (dir === 1 ? sortKey(r) > after : sortKey(r) < after));
  const from = start < 0 ? all.length : start;
  const page = all.slice(from, from + limit);
  const more = from + limit < all.length;
  return {
    items: page.map((r) => serializeCombinedV4(state, r)),
    ...(more && page.length ? { next_page: encodeCursor(page[page.length - 1]) } : {}),
    ...(after !== null && page.length ? { prev_page: encodeCursor(page[0]) } : {}),
  };
}

const resolve = z.object({ report_id: z.number().int(), resolved: z.boolean() });
const removePost = z.object({ post_id: z.number().int(), removed: z.boolean(), reason: z.string() });
const removeComment = z.object({ comment_id: z.number().int(), removed: z.boolean(), reason: z.string() });
const ban = z.object({
  person_id: z.number().int(), ban: z.boolean(), reason: z.string(), remove_or_restore_data: z.boolean().optional(), expires_at: z.string().optional(),
});
// AdminBlockInstanceParams in 1.0: reason is a required String, expires_at unix seconds (i64).
const block = z.object({ instance: z.string().min(1), block: z.boolean(), reason: z.string(), expires_at: z.number().int().optional() });
const KINDS = ['all', 'linked', 'allowed', 'blocked'];
/** FETCH_LIMIT_MAX in lemmy crates/db_schema/src/utils: a limit outside 1..50 is invalid_fetch_limit. */
const FETCH_LIMIT_MAX = 50;

/** FederatedInstanceView: the instance row plus its blocklist row when blocked (FederationBlockList, instance_id skipped). */
function federatedInstanceView(state: FakeLemmyState, domain: string) {
  const blocked = state.blockedInstances.includes(domain);
  return {
    instance: { id: state.instanceId(domain), domain, published_at: '2025-01-01T00:00:00Z', software: 'mastodon', version: '4.3.0' },
    ...(blocked ? { blocked: { published_at: '2025-01-01T00:00:00Z' } } : {}),
  };
}

/**
 * GET /api/v4/federated_instances: PagedResponse<FederatedInstanceView> (crates/db_views/site/src/impls.rs), newest
 * instance id first here, with an opaque cursor. As paginate_response does, a full page carries next_page (so the
 * page after the last full one is empty) and a short page does not.
 */
function listFederatedInstances(state: FakeLemmyState, query: Record<string, unknown>) {
  const kind = query.kind === undefined ? 'all' : String(query.kind);
  if (!KINDS.includes(kind)) throw new FakeError(400, 'invalid_query');
  const limit = query.limit === undefined ? 20 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > FETCH_LIMIT_MAX) throw new FakeError(400, 'invalid_fetch_limit');
  // Only blocked instances are known to this fake; "linked" (not blocked) and "allowed" are empty.
  const domains = kind === 'all' || kind === 'blocked' ? [...state.blockedInstances] : [];
  const filter = typeof query.domain_filter === 'string' ? query.domain_filter.toLowerCase() : '';
  const rows = domains
    .filter((d) => d.toLowerCase().includes(filter))
    .map((d) => ({ id: state.instanceId(d), domain: d }))
    .sort((a, b) => b.id - a.id);
  let from = 0;
  if (typeof query.page_cursor === 'string' && query.page_cursor) {
    const m = /^i1\|(\d+)$/.exec(Buffer.from(query.page_cursor, 'base64url').toString('utf8'));
    if (!m) throw new FakeError(400, 'couldnt_parse_pagination_token');
    const after = Number(m[1]);
    from = rows.findIndex((r) => r.id < after);
    if (from < 0) from = rows.length;
  }
  const page = rows.slice(from, from + limit);
  const full = page.length === limit;
  return {
    items: page.map((r) => federatedInstanceView(state, r.domain)),
    ...(full ? { next_page: Buffer.from(`i1|${page[page.length - 1].id}`).toString('base64url') } : {}),
  };
}

export const v4Routes: Route[] = [
  { method: 'POST', pattern: V4('/account/auth/login'), handler: ({ state, body }) => loginHandler(state, body) },
  {
    method: 'GET', pattern: V4('/site'),
    handler: ({ state }) => ({
      json: { site_view: { site: { id: 1, name: `Fake Lemmy (${state.domain})`, ap_id: `https://${state.domain}/` } }, version: state.version, admins: [] },
    }),
  },
  {
    // 1.0 moved "my user" out of GET /site into GET /account (MyUserInfo).
    method: 'GET', pattern: V4('/account'), auth: 'user',
    handler: ({ state, viewer }) => ({
      json: { local_user_view: { person: serializePersonV4(state, viewer!), local_user: { id: 1, person_id: viewer!.id, admin: viewer!.admin } } },
    }),
  },
  { method: 'GET', pattern: V4('/report/list'), auth: 'user', handler: ({ state, query, viewer }) => ({ json: listReports(state, query, viewer!.admin) }) },
  ...RESOLVE.map(([path, type, key]): Route => ({
    method: 'PUT', pattern: V4(`/${path}/report/resolve`), auth: type === 'pm' || type === 'community' ? 'admin' : 'user',
    handler: ({ state, body }) => {
      const input = parse(resolve, body);
      const report = state.reports.get(`${type}:${input.report_id}`);
      if (!report) throw new FakeError(404, 'not_found');
      report.resolved = input.resolved;
      return { json: { [key]: serializeReportViewV4(state, report) } };
    },
  })),
  {
    method: 'POST', pattern: V4('/post/remove'), auth: 'admin', destructive: true,
    handler: ({ state, body }) => {
      const input = parse(removePost, body);
      const post = state.posts.get(input.post_id);
      if (!post) throw new FakeError(404, 'not_found');
      post.removed = input.removed;
      return { json: { post_view: { post: { id: post.id, removed: post.removed } } } };
    },
  },
  {
    method: 'POST', pattern: V4('/comment/remove'), auth: 'admin', destructive: true,
    handler: ({ state, body }) => {
      const input = parse(removeComment, body);
      const comment = state.comments.get(input.comment_id);
      if (!comment) throw new FakeError(404, 'not_found');
      comment.removed = input.removed;
      return { json: { comment_view: { comment: { id: comment.id, removed: comment.removed } } } };
    },
  },
  {
    method: 'POST', pattern: V4('/admin/ban'), auth: 'admin', destructive: true,
    handler: ({ state, body }) => {
      const input = parse(ban, body);
      const p = state.persons.get(input.person_id);
      if (!p) throw new FakeError(404, 'not_found');
      p.banned = input.ban;
      return { json: { person_view: { person: serializePersonV4(state, p), banned: p.banned }, banned: p.banned } };
    },
  },
  {
    method: 'GET', pattern: V4('/federated_instances'),
    handler: ({ state, query }) => ({ json: listFederatedInstances(state, query) }),
  },
  {
    // One instance per call (admin_block_instance.rs). Blocking an already blocked instance is an insert conflict
    // in 1.0 (FederationBlockList::block → couldnt_create); unblocking one that is not blocked deletes nothing and
    // succeeds. The answer is the instance's FederatedInstanceView.
    method: 'POST', pattern: V4('/admin/instance/block'), auth: 'admin', destructive: true,
    handler: ({ state, body }) => {
      const input = parse(block, body);
      const domain = input.instance.trim().toLowerCase();
      // Not a check of 1.0's admin block (only the user-level instance block has it); kept so tests have a per-domain refusal.
      if (domain === state.domain) throw new FakeError(400, 'cant_block_local_instance');
      const rest = state.blockedInstances.filter((d) => d !== domain);
      if (input.block && rest.length !== state.blockedInstances.length) throw new FakeError(400, 'couldnt_create');
      state.blockedInstances = input.block ? [...rest, domain] : rest;
      return { json: federatedInstanceView(state, domain) };
    },
  },
];
