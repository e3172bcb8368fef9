/**
 * The timelines a watch scan reads (issue 14), as Akkoma's Mastodon API serves them: GET /api/v1/timelines/public
 * and /api/v1/timelines/tag/:tag, public posts newest first (FlakeIds sort as strings), max_id/since_id/min_id,
 * limit 20 by default and at most 40 (Pleroma.Pagination). Search statuses (routes-lookup.ts) come from
 * searchPosts: a case-insensitive match on the stored text, as DatabaseSearch does without Elasticsearch.
 * Every call is recorded in state.reads.
 */
import { str, type Params } from '../mastodon/http';
import { searchText, tagsOf } from '../mastodon/post-tags';
import { recordRead } from '../mastodon/read-record';
import type { FakeStatus } from './entities';
import { notFound, type Route } from './route-types';
import { serializeStatus } from './serialize';
import type { FakeAkkomaState } from './state';

export function publicPosts(state: FakeAkkomaState): FakeStatus[] {
  return [...state.statuses.values()]
    .filter((s) => s.visibility === 'public' && state.accounts.get(s.nickname)?.isActive !== false && state.accounts.has(s.nickname))
    .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

export function serializePost(state: FakeAkkomaState, s: FakeStatus): Record<string, unknown> {
  const json = serializeStatus(state, s);
  if (s.lean) {
    delete json.tags;
    const { id, username, acct, url } = json.account as Record<string, unknown>;
    json.account = { id, username, acct, url };
  }
  if (s.malformed) delete json.account;
  return json;
}

/** Pleroma.Pagination over ids: min_id pages forward from the cursor, since_id keeps the newest above it. */
export function pagePosts(posts: FakeStatus[], query: Params): FakeStatus[] {
  const n = Number.parseInt(str(query.limit) ?? '', 10);
  const limit = Number.isFinite(n) && n > 0 ? Math.min(n, 40) : 20;
  const id = (key: string) => (/^[A-Za-z0-9]{1,64}$/.test(str(query[key]) ?? '') ? str(query[key])! : null);
  const [maxId, sinceId, minId] = [id('max_id'), id('since_id'), id('min_id')];
  const items = posts.filter((s) => maxId === null || s.id < maxId);
  if (minId !== null) return items.filter((s) => s.id > minId).reverse().slice(0, limit).reverse();
  return items.filter((s) => sinceId === null || s.id > sinceId).slice(0, limit);
}

export function searchPosts(state: FakeAkkomaState, q: string, query: Params): FakeStatus[] {
  if (!q) return [];
  const needle = q.toLowerCase();
  return pagePosts(publicPosts(state).filter((s) => searchText(s.content).includes(needle)), query);
}

export const timelineRoutes: Route[] = [
  {
    method: 'GET', pattern: /^\/api\/v1\/timelines\/public$/, scope: 'read:statuses',
    handler: ({ state, query }) => {
      recordRead(state.reads, '/api/v1/timelines/public', query);
      return { json: pagePosts(publicPosts(state), query).map((s) => serializePost(state, s)) };
    },
  },
  {
    method: 'GET', pattern: /^\/api\/v1\/timelines\/tag\/([^/]+)$/, scope: 'read:statuses',
    handler: ({ state, query, params: [raw] }) => {
      recordRead(state.reads, '/api/v1/timelines/tag/:tag', { ...query, hashtag: raw });
      let tag: string;
      try {
        tag = decodeURIComponent(raw).toLowerCase();
      } catch {
        throw notFound();
      }
      const tagged = publicPosts(state).filter((s) => tagsOf({ tags: s.tags, html: s.content }).includes(tag));
      return { json: pagePosts(tagged, query).map((s) => serializePost(state, s)) };
    },
  },
];
