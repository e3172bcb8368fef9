/**
 * Watch-list reads (issue 14): GET /api/v3/post/list (0.19: sort and type_ PascalCase, 1-based `page`, limit ≤ 50,
 * answer {posts}) and GET /api/v4/post/list (1.0: snake_case values, opaque `page_cursor`, answer {items,
 * next_page}). sort=New orders by `published`, newest first, as Lemmy does; admins also see removed posts, deleted
 * ones nobody. Fields that are null are left out, as Lemmy's skip_serializing_none does. Login is optional.
 * POST /__fake/posts adds a post: {html, tags?, media?, acct?, url?, malformed?} → {id}.
 */
import { z } from 'zod';
import { str } from '../mastodon/http';
import { intBetween } from '../prng';
import { postViewV3, postViewV4 } from './lookup';
import { FakeError, type Ctx, type Route } from './route-types';
import { parse, positiveInt } from './route-helpers';
import type { FakeLemmyState, FakePost } from './state';

const SORTS = { v3: ['Active', 'Hot', 'New', 'Old', 'TopDay', 'TopAll', 'MostComments', 'NewComments', 'Controversial', 'Scaled'], v4: ['active', 'hot', 'new', 'old', 'top', 'most_comments', 'new_comments', 'controversial', 'scaled'] };
const TYPES = { v3: ['All', 'Local', 'Subscribed', 'ModeratorView'], v4: ['all', 'local', 'subscribed', 'moderator_view', 'suggested'] };

function listed(ctx: Ctx, api: 'v3' | 'v4'): FakePost[] {
  const sort = str(ctx.query.sort) ?? (api === 'v3' ? 'Active' : 'active');
  const type = str(ctx.query.type_) ?? (api === 'v3' ? 'All' : 'all');
  if (!SORTS[api].includes(sort) || !TYPES[api].includes(type)) throw new FakeError(400, 'couldnt_parse_body', `unknown variant \`${!SORTS[api].includes(sort) ? sort : type}\``);
  const admin = ctx.viewer?.admin === true;
  const local = type.toLowerCase() === 'local';
  const posts = [...ctx.state.posts.values()].filter((p) => !p.deleted && (admin || !p.removed) && (!local || !p.apId));
  // Every sort the fake knows is "newest first" except Old: votes and activity are not modelled.
  const dir = sort.toLowerCase() === 'old' ? -1 : 1;
  return posts.sort((a, b) => dir * (b.published.localeCompare(a.published) || b.id - a.id));
}

function view(state: FakeLemmyState, p: FakePost, api: 'v3' | 'v4'): Record<string, unknown> {
  const v = dropNulls(api === 'v3' ? postViewV3(state, p) : postViewV4(state, p));
  if (p.malformed) delete v.creator;
  return v;
}

function dropNulls(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null) continue;
    out[k] = v && typeof v === 'object' && !Array.isArray(v) ? dropNulls(v as Record<string, unknown>) : v;
  }
  return out;
}

const newPost = z.object({
  html: z.string().max(10_000), tags: z.array(z.string()).max(20).optional(), media: z.number().int().min(0).max(1).optional(),
  acct: z.string().regex(/^[\w.-]+(@[\w.-]+)?$/).optional(), url: z.string().url().optional(), malformed: z.boolean().optional(),
});

function addWatchPost(state: FakeLemmyState, input: z.infer<typeof newPost>): number {
  const [name, host = null] = (input.acct ?? 'alice').split('@');
  let person = [...state.persons.values()].find((p) => p.name === name && p.domain === host);
  if (!person) {
    const pid = state.nextId('person');
    person = { id: pid, name, domain: host, banned: false, admin: false, deleted: false };
    state.persons.set(pid, person);
  }
  const id = state.nextId('post');
  const [title, ...rest] = input.html.split('\n');
  const image = (input.media ?? 0) > 0;
  state.posts.set(id, {
    id, creatorId: person.id, name: title.slice(0, 200) || `Post ${id}`, body: rest.join('\n') || null, removed: false, deleted: false,
    url: input.url ?? (image ? `${state.baseUrl}/pictrs/image/p${id}.png` : null), imageSeed: image ? intBetween(state.rng, 1, 1_000_000) : null,
    published: state.tick(), malformed: input.malformed,
  });
  return id;
}

export const watchRoutes: Route[] = [
  {
    method: 'GET', pattern: /^\/api\/v3\/post\/list$/,
    handler: (ctx) => {
      const limit = positiveInt(ctx.query.limit, 10);
      const page = positiveInt(ctx.query.page, 1, 10_000);
      const posts = listed(ctx, 'v3').slice((page - 1) * limit, page * limit);
      return { json: { posts: posts.map((p) => view(ctx.state, p, 'v3')) } };
    },
  },
  {
    method: 'GET', pattern: /^\/api\/v4\/post\/list$/,
    handler: (ctx) => {
      const limit = positiveInt(ctx.query.limit, 10);
      const cursor = str(ctx.query.page_cursor);
      const offset = cursor === undefined ? 0 : Number(/^o(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString())?.[1] ?? NaN);
      if (!Number.isInteger(offset)) throw new FakeError(400, 'couldnt_parse_pagination_token');
      const all = listed(ctx, 'v4');
      const posts = all.slice(offset, offset + limit);
      const next = offset + limit < all.length ? Buffer.from(`o${offset + limit}`).toString('base64url') : undefined;
      return { json: { items: posts.map((p) => view(ctx.state, p, 'v4')), ...(next ? { next_page: next } : {}) } };
    },
  },
  {
    method: 'POST', pattern: /^\/__fake\/posts$/,
    handler: ({ state, body }) => ({ json: { id: addWatchPost(state, parse(newPost, body)) } }),
  },
];
