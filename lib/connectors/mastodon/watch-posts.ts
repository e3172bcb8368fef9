/**
 * Watch-list reads (issue 14) on Mastodon's client API, shared by Mastodon, GoToSocial and Akkoma, which serve the
 * same endpoints (docs.joinmastodon.org methods/timelines and methods/search):
 * - GET /api/v1/timelines/public?limit&since_id: public posts this server holds, local and federated, newest first;
 *   boosts are left out by Mastodon (PublicFeed). limit defaults to 20, at most 40.
 * - GET /api/v1/timelines/tag/:hashtag?limit&since_id: the same, for one hashtag. At most 40.
 * - GET /api/v2/search?q&type=statuses&resolve=false&limit&min_id: full-text search. It has no since_id; min_id
 *   ("results immediately newer than this id") bounds it instead. resolve is always false: with resolve=true a URL or
 *   acct is fetched from its server (ResolveURLService), which must never happen from a watch scan.
 * since_id returns the newest posts above the cursor: a feed busier than 40 posts between two scans loses the
 * excess from the feed scan (the tag lookups and the webhook still catch those).
 */
import { z } from 'zod';
import { AppError } from '../../errors';
import type { PostPage, RecentPostsInput, SearchPostsInput } from '../watch-types';
import { safeId } from '../shared/parse-remote';
import { toPostPage, type PageReader } from './watch-page';

export const WATCH_PAGE = 40;

const searchResultSchema = z.object({ statuses: z.array(z.unknown()).nullish() });

export type GetJson = (path: string, query: Record<string, string | number | undefined>) => Promise<unknown>;

export interface WatchSource<A extends z.ZodType> extends PageReader<A> {
  get: GetJson;
}

export function pageLimit(limit: number | undefined): number {
  return Math.min(WATCH_PAGE, Math.max(1, Math.trunc(limit ?? WATCH_PAGE) || WATCH_PAGE));
}

/** A cursor goes into a query string: only id-like values (the same rule as every remote id). */
export function cursorOf(since: string | null | undefined): string | null {
  return since ? safeId(since) : null;
}

export async function readRecentPosts<A extends z.ZodType>(src: WatchSource<A>, input: RecentPostsInput): Promise<PostPage> {
  const since = cursorOf(input.since);
  const data = await src.get('/api/v1/timelines/public', { limit: pageLimit(input.limit), since_id: since ?? undefined });
  return toPostPage(src, data, since);
}

export async function readTagPosts<A extends z.ZodType>(src: WatchSource<A>, input: SearchPostsInput): Promise<PostPage> {
  const tag = input.value.replace(/^#/, '').trim();
  if (tag.length === 0 || tag.length > 100 || /[\s/?#%\\]/.test(tag)) {
    throw new AppError('bad_request', 'Invalid hashtag for a tag timeline', { userMessage: 'That hashtag is not valid.' });
  }
  const since = cursorOf(input.since);
  const data = await src.get(`/api/v1/timelines/tag/${encodeURIComponent(tag)}`, {
    limit: pageLimit(input.limit), since_id: since ?? undefined,
  });
  return toPostPage(src, data, since);
}

/** Search answers {accounts, statuses, hashtags}; only statuses is read, and a missing list is an empty page. */
export async function readKeywordPosts<A extends z.ZodType>(src: WatchSource<A>, input: SearchPostsInput): Promise<PostPage> {
  const q = input.value.trim();
  if (q.length === 0 || q.length > 200) {
    throw new AppError('bad_request', 'Invalid keyword for a search', { userMessage: 'That keyword is not valid.' });
  }
  const since = cursorOf(input.since);
  const data = await src.get('/api/v2/search', {
    q, type: 'statuses', resolve: 'false', limit: pageLimit(input.limit), min_id: since ?? undefined,
  });
  const result = searchResultSchema.safeParse(data);
  if (!result.success) {
    throw new AppError('remote_error', `${src.service} search result has no status list`, {
      userMessage: 'The instance returned a search result this dashboard cannot read.',
    });
  }
  return toPostPage(src, result.data.statuses ?? [], since);
}
