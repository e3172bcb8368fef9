/**
 * Watch lists (issue 14) on Lemmy. Sources: lemmy-js-client 0.19 (GetPosts, Search) and LemmyNet/lemmy 1.0
 * (crates/api/routes v4 post/list, search; PagedResponse with next_page).
 * - New posts: GET post/list?sort=New&type_=All (1.0: sort=new&type_=all, **verify** the 1.0 casing against a
 *   release). Lemmy has no since_id, so pages are read newest first until one reaches the cursor (the highest
 *   post id seen) or MAX_PAGES; every post above the cursor on those pages counts, so a federated post that arrived
 *   late but is dated earlier is still caught when it shares a page with newer ones.
 * - Keywords: GET search?q&type_=Posts&sort=New&listing_type=All (1.0: search_term, type_=posts), sent WITHOUT the
 *   JWT: Lemmy 1.0's search resolves a URL- or handle-looking term from its origin for a logged-in user (see
 *   find-copies.ts); anonymously it reads the database only.
 * - Hashtags: Lemmy has none; the watcher finds "#tag" in the post text of the new-posts scan.
 */
import { z } from 'zod';
import { AppError, isAppError } from '../../errors';
import type { PostPage, RecentPostsInput, SearchPostsInput } from '../watch-types';
import type { PostSink } from '../shared/watch-post-items';
import type { LemmyClient } from './client';
import { parseRemote } from './parse';
import { collectViews, rawPostId } from './watch-parse';

/** Lemmy caps a page at 50. */
export const WATCH_PAGE = 50;
export const MAX_PAGES = 4;

const v3Posts = z.object({ posts: z.array(z.unknown()) });
const v4Posts = z.object({ items: z.array(z.unknown()), next_page: z.string().min(1).max(500).nullish() });
const v3Search = z.object({ posts: z.array(z.unknown()).nullish() });

export async function listRecentLemmyPosts(client: LemmyClient, input: RecentPostsInput): Promise<PostPage> {
  const since = cursorOf(input.since);
  const limit = Math.min(WATCH_PAGE * MAX_PAGES, Math.max(1, Math.trunc(input.limit ?? WATCH_PAGE)));
  const sink: PostSink = { items: [], skipped: [] };
  const seen: number[] = [];
  let pageCursor: string | undefined;
  for (let page = 1; page <= MAX_PAGES && seen.length < limit; page++) {
    const size = Math.min(WATCH_PAGE, limit - seen.length);
    const { raw, next } = await readPostList(client, size, page, pageCursor);
    seen.push(...raw.map(rawPostId).filter((id): id is number => id !== null));
    const reached = collectViews(sink, raw, since);
    // The first scan (no cursor) reads one page; later ones stop at the cursor or at the end of the list.
    if (since === null || reached || raw.length < size || (client.api === 'v4' && !next)) break;
    pageCursor = next ?? undefined;
  }
  return finish(sink, seen, since);
}

export async function searchLemmyPosts(client: LemmyClient, input: SearchPostsInput): Promise<PostPage> {
  if (input.kind === 'hashtag') {
    throw new AppError('unsupported', 'Lemmy has no hashtags', {
      userMessage: 'Lemmy has no hashtags to look up; a watched hashtag is found as "#tag" in the text of new posts.',
    });
  }
  const since = cursorOf(input.since);
  const q = input.value.trim();
  if (!q) throw new AppError('bad_request', 'Empty watch term', { userMessage: 'The watch term is empty.' });
  const limit = Math.min(WATCH_PAGE, Math.max(1, Math.trunc(input.limit ?? WATCH_PAGE)));
  const v4 = client.api === 'v4';
  let data: unknown;
  try {
    data = v4
      ? await client.requestAnonymous(`${client.prefix}/search`, { search_term: q, type_: 'posts', sort: 'new', listing_type: 'all', limit })
      : await client.requestAnonymous(`${client.prefix}/search`, { q, type_: 'Posts', sort: 'New', listing_type: 'All', limit });
  } catch (e) {
    if (isAppError(e) && String(e.details?.remoteError ?? '').startsWith('instance_is_private')) {
      throw new AppError('unsupported', 'Lemmy search needs a login on a private instance', {
        userMessage: 'This Lemmy instance is private: its search needs a login, and a logged-in search can make Lemmy fetch from other servers. Keywords are still watched in the new-posts scan.',
      });
    }
    throw e;
  }
  const raw = parseRemote(v3Search, data, 'search result').posts ?? [];
  const sink: PostSink = { items: [], skipped: [] };
  collectViews(sink, raw, since);
  return finish(sink, raw.map(rawPostId).filter((id): id is number => id !== null), since);
}

async function readPostList(client: LemmyClient, limit: number, page: number, pageCursor?: string): Promise<{ raw: unknown[]; next: string | null }> {
  if (client.api === 'v4') {
    const data = await client.request('GET', `${client.prefix}/post/list`, { query: { sort: 'new', type_: 'all', limit, page_cursor: pageCursor } });
    const parsed = parseRemote(v4Posts, data, 'post list');
    return { raw: parsed.items, next: parsed.next_page ?? null };
  }
  const data = await client.request('GET', `${client.prefix}/post/list`, { query: { sort: 'New', type_: 'All', limit, page } });
  return { raw: parseRemote(v3Posts, data, 'post list').posts, next: null };
}

function finish(sink: PostSink, seen: number[], since: number | null): PostPage {
  const newest = seen.filter((id) => since === null || id > since).reduce<number | null>((m, id) => (m === null || id > m ? id : m), null);
  const num = (id: string) => Number(id.slice('post:'.length));
  sink.items.sort((a, b) => num(b.remoteId) - num(a.remoteId));
  return { ...sink, newest: newest === null ? null : String(newest) };
}

function cursorOf(since: string | null | undefined): number | null {
  if (since === null || since === undefined || since === '') return null;
  if (!/^\d{1,12}$/.test(since)) throw new AppError('bad_request', 'Invalid Lemmy watch cursor', { userMessage: 'The watch cursor is not a Lemmy post id.' });
  return Number(since);
}
