/**
 * The timelines a watch scan reads (issue 14), as Mastodon 4.x serves them (docs.joinmastodon.org methods/timelines):
 * GET /api/v1/timelines/public and /api/v1/timelines/tag/:hashtag, public posts newest first, boosts left out,
 * max_id/since_id/min_id, limit 20 by default and at most 40, with a Link header. Suspended accounts' posts are
 * hidden. Every call is recorded in state.reads.
 */
import { HttpError, type Reply } from './http';
import { paginate } from './paginate';
import { tagsOf } from './post-tags';
import { recordRead } from './read-record';
import type { Ctx, Route } from './route-types';
import { serializeStatus } from './serialize-status';
import { compareIds, type FakeState } from './state';
import type { FakeStatus } from './entities';

/** Every public post of an account that is not suspended, newest first. */
export function publicPosts(state: FakeState): FakeStatus[] {
  return [...state.statuses.values()]
    .filter((s) => s.visibility === 'public' && !state.accounts.get(s.accountId)?.suspended)
    .sort((a, b) => compareIds(b.id, a.id));
}

/** A timeline item: lean posts lose what real timelines often omit; malformed ones lose their account. */
export function serializePost(state: FakeState, s: FakeStatus): Record<string, unknown> {
  const json: Record<string, unknown> = serializeStatus(state, s);
  if (s.lean) {
    delete json.tags;
    json.media_attachments = (json.media_attachments as Array<Record<string, unknown>>).map(({ meta: _meta, blurhash: _b, ...m }) => m);
    const { id, username, acct, url } = json.account as Record<string, unknown>;
    json.account = { id, username, acct, url };
  }
  if (s.malformed) delete json.account;
  return json;
}

function timeline(ctx: Ctx, posts: FakeStatus[]): Reply {
  const page = paginate(posts, ctx.query, ctx.selfUrl, ['local', 'remote', 'only_media'], 20);
  return { json: page.items.map((s) => serializePost(ctx.state, s)), headers: page.link ? { Link: page.link } : {} };
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
      recordRead(ctx.state.reads, '/api/v1/timelines/tag/:hashtag', { ...ctx.query, hashtag: ctx.params[0] });
      const tag = decodeTag(ctx.params[0]);
      return timeline(ctx, publicPosts(ctx.state).filter((s) => tagsOf({ tags: s.tags, html: s.contentHtml }).includes(tag)));
    },
  },
];

function decodeTag(raw: string): string {
  try {
    return decodeURIComponent(raw).toLowerCase();
  } catch {
    throw new HttpError(404, 'Record not found');
  }
}
