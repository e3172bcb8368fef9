/**
 * The timelines a watch scan reads (issue 14), as GoToSocial serves them (docs/api/swagger.yaml):
 * GET /api/v1/timelines/public and /api/v1/timelines/tag/{tag_name} (0.13+), posts newest first by ULID,
 * max_id/since_id/min_id, limit 20 by default and at most 40, a Link header whenever the page has items. Every
 * call is recorded in state.reads.
 */
import { HttpError, str, type Params, type Reply } from '../mastodon/http';
import { tagsOf } from '../mastodon/post-tags';
import { recordRead } from '../mastodon/read-record';
import type { FakeStatus } from './entities';
import { paginate } from './paginate';
import type { Ctx, Route } from './route-types';
import { serializeStatus } from './serialize';
import type { FakeState } from './state';

export function publicPosts(state: FakeState): FakeStatus[] {
  return [...state.statuses.values()]
    .filter((s) => !state.accounts.get(s.accountId)?.suspended)
    .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/** A timeline item: lean posts lose what real timelines often omit; malformed ones lose their account. */
export function serializePost(state: FakeState, s: FakeStatus): Record<string, unknown> {
  const json: Record<string, unknown> = serializeStatus(state, s);
  if (s.lean) {
    delete json.tags;
    json.media_attachments = (json.media_attachments as Array<Record<string, unknown>>).map(({ meta: _meta, ...m }) => m);
    const { id, username, acct, url } = json.account as Record<string, unknown>;
    json.account = { id, username, acct, url };
  }
  if (s.malformed) delete json.account;
  return json;
}

function timeline({ state, query, selfUrl }: Ctx, posts: FakeStatus[]): Reply {
  const n = Number.parseInt(str(query.limit) ?? '', 10);
  const capped: Params = { ...query, limit: String(Number.isFinite(n) && n > 0 ? Math.min(n, 40) : 20) };
  const page = paginate(posts, capped, selfUrl, ['local', 'only_media']);
  return { json: page.items.map((s) => serializePost(state, s)), headers: page.link ? { Link: page.link } : {} };
}

function decodeTag(raw: string): string {
  try {
    return decodeURIComponent(raw).toLowerCase();
  } catch {
    throw new HttpError(404, 'Not Found');
  }
}

export const timelineRoutes: Route[] = [
  {
    method: 'GET', pattern: /^\/api\/v1\/timelines\/public$/, scope: 'read:statuses',
    handler: (ctx) => {
      recordRead(ctx.state.reads, '/api/v1/timelines/public', ctx.query);
      return timeline(ctx, publicPosts(ctx.state));
    },
  },
  {
    method: 'GET', pattern: /^\/api\/v1\/timelines\/tag\/([^/]+)$/, scope: 'read:statuses',
    handler: (ctx) => {
      recordRead(ctx.state.reads, '/api/v1/timelines/tag/:tag_name', { ...ctx.query, hashtag: ctx.params[0] });
      const tag = decodeTag(ctx.params[0]);
      return timeline(ctx, publicPosts(ctx.state).filter((s) => tagsOf({ tags: s.tags, html: s.content }).includes(tag)));
    },
  },
];
