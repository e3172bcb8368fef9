/**
 * Lookups: search, resolve_object and person-by-name (or id) in both API generations (the pict-rs files: routes-media.ts). Behaviour per version, from LemmyNet/lemmy:
 * - 0.19 GET /api/v3/search (crates/apub/src/api/search.rs): never resolves; type_=Url is `post.url = q`, Posts and
 *   All match name/body; enum values are PascalCase.
 * - 1.0 GET /api/v4/search (crates/api/api/src/federation/search.rs): resolves the term first (fetching it for a
 *   logged-in user, lookup.ts), returns it as `resolve`; post_url_only=true matches post.url; type_ is snake_case.
 *   1.0's /api/v3/search is the same search without type or URL filter (routes_v3 search_v3).
 * - resolve_object and GET /api/v3/user / /api/v4/person with name@domain: database, or a fetch when logged in;
 *   with person_id: the database only (read_person uses the id as given).
 */
import { str } from '../mastodon/http';
import { isUrl, personByName, postViewV3, postViewV4, resolveTerm, visiblePosts, type Found } from './lookup';
import { FakeError, type Ctx, type Route } from './route-types';
import { positiveInt } from './route-helpers';
import { serializePerson } from './serialize';
import { serializePersonV4 } from './serialize-v4';
import type { FakeLemmyState, FakePost } from './state';

const V3_TYPES = ['All', 'Comments', 'Posts', 'Communities', 'Users', 'Url'];
const V4_TYPES = ['all', 'comments', 'posts', 'communities', 'users', 'multi_communities'];

const textMatch = (p: FakePost, q: string) => `${p.name}\n${p.body ?? ''}`.toLowerCase().includes(q.toLowerCase());
const sameUrl = (a: string | null, b: string) => a !== null && isUrl(a) && new URL(a).href === new URL(b).href;

function required(ctx: Ctx, key: string): string {
  const v = str(ctx.query[key]);
  // Lemmy answers a query string that does not deserialize with a 400 and serde's text; the fake uses its JSON shape.
  if (!v) throw new FakeError(400, 'couldnt_parse_body', `missing field \`${key}\``);
  return v;
}

function searchV3(ctx: Ctx) {
  const { state } = ctx;
  const q = required(ctx, 'q');
  const type = str(ctx.query.type_) ?? 'All';
  if (!V3_TYPES.includes(type)) throw new FakeError(400, 'couldnt_parse_body', `unknown variant \`${type}\``);
  const limit = positiveInt(ctx.query.limit, 10);
  let posts: FakePost[] = [];
  if (state.servesV4) {
    resolveTerm(state, q, ctx.viewer !== null, 'GET /api/v3/search');
    posts = visiblePosts(state).filter((p) => textMatch(p, q));
  } else if (type === 'Url') {
    posts = visiblePosts(state).filter((p) => p.url === q);
  } else if (type === 'Posts' || type === 'All') {
    posts = visiblePosts(state).filter((p) => textMatch(p, q));
  }
  return { json: { type_: type, comments: [], posts: posts.slice(0, limit).map((p) => postViewV3(state, p)), communities: [], users: [] } };
}

function searchV4(ctx: Ctx) {
  const { state } = ctx;
  const term = required(ctx, 'search_term');
  const type = str(ctx.query.type_) ?? 'all';
  if (!V4_TYPES.includes(type)) throw new FakeError(400, 'couldnt_parse_body', `unknown variant \`${type}\``);
  const found = resolveTerm(state, term, ctx.viewer !== null, 'GET /api/v4/search');
  const urlOnly = str(ctx.query.post_url_only) === 'true';
  if (urlOnly && !isUrl(term)) throw new FakeError(400, 'invalid_url');
  const limit = positiveInt(ctx.query.limit, 10);
  const posts = type === 'all' || type === 'posts' ? visiblePosts(state).filter((p) => (urlOnly ? sameUrl(p.url, term) : textMatch(p, term))) : [];
  return {
    json: {
      ...(found ? { resolve: resolvedV4(state, found) } : {}),
      comments: [], posts: posts.slice(0, limit).map((p) => postViewV4(state, p)), communities: [], persons: [], multi_communities: [],
    },
  };
}

function resolvedV4(state: FakeLemmyState, f: Found): Record<string, unknown> {
  return f.kind === 'post' ? { type_: 'post', ...postViewV4(state, f.post) } : { type_: 'person', person: serializePersonV4(state, f.person) };
}

/**
 * GET /api/v3/user and /api/v4/person: by person_id a plain database read (admins also see deleted persons, as
 * PersonView::read with is_admin), else by username, which may fetch (webfinger) when logged in.
 */
function personLookup(ctx: Ctx, endpoint: string) {
  const v4 = endpoint.includes('/v4/');
  const notFound = () => (v4 ? new FakeError(404, 'not_found') : new FakeError(400, 'couldnt_find_person'));
  const byId = str(ctx.query.person_id);
  if (byId !== undefined && str(ctx.query.username) === undefined) {
    const person = /^\d+$/.test(byId) ? ctx.state.persons.get(Number(byId)) : undefined;
    if (!person || (person.deleted && !ctx.viewer?.admin)) throw notFound();
    return person;
  }
  const name = required(ctx, 'username');
  const person = personByName(ctx.state, name);
  if (!person) {
    if (name.includes('@') && ctx.viewer) ctx.state.recordRemoteFetch(endpoint, name);
    throw notFound();
  }
  return person;
}

export const lookupRoutes: Route[] = [
  { method: 'GET', pattern: /^\/api\/v3\/search$/, handler: searchV3 },
  { method: 'GET', pattern: /^\/api\/v4\/search$/, handler: searchV4 },
  {
    method: 'GET', pattern: /^\/api\/v3\/resolve_object$/,
    handler: (ctx) => {
      const found = resolveTerm(ctx.state, required(ctx, 'q'), ctx.viewer !== null, 'GET /api/v3/resolve_object');
      if (!found) throw new FakeError(400, 'couldnt_find_object');
      return { json: found.kind === 'post' ? { post: postViewV3(ctx.state, found.post) } : { person: { person: serializePerson(ctx.state, found.person) } } };
    },
  },
  {
    method: 'GET', pattern: /^\/api\/v4\/resolve_object$/,
    handler: (ctx) => {
      const found = resolveTerm(ctx.state, required(ctx, 'q'), ctx.viewer !== null, 'GET /api/v4/resolve_object');
      if (!found) throw new FakeError(400, 'resolve_object_failed');
      return { json: resolvedV4(ctx.state, found) };
    },
  },
  {
    method: 'GET', pattern: /^\/api\/v3\/user$/,
    handler: (ctx) => ({ json: { person_view: { person: serializePerson(ctx.state, personLookup(ctx, 'GET /api/v3/user')) }, comments: [], posts: [], moderates: [] } }),
  },
  {
    method: 'GET', pattern: /^\/api\/v4\/person$/,
    handler: (ctx) => {
      // 1.0 carries the site ban on the view (PersonView.banned), no longer on Person.
      const p = personLookup(ctx, 'GET /api/v4/person');
      return { json: { person_view: { person: serializePersonV4(ctx.state, p), is_admin: p.admin, banned: p.banned }, moderates: [], multi_communities_created: [] } };
    },
  },
];
