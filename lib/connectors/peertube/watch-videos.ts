/**
 * Watch lists (issue 14) on PeerTube (OpenAPI 7.0 at Chocobozzz/PeerTube support/doc/api/openapi.yaml):
 * - New videos: GET /api/v1/videos?sort=-publishedAt&count&start (count ≤ 100; local videos and those of followed
 *   instances, as every PeerTube listing). No since_id: pages are read newest first until one reaches the cursor,
 *   the newest "publishedAt|id" seen.
 * - Hashtags: GET /api/v1/search/videos?tagsOneOf=<tag>&searchTarget=local&sort=-publishedAt (exact tag match).
 * - Keywords: the same search with search=<q>: a database search on video names. A search that starts with http(s)://
 *   is a URI search that makes PeerTube fetch the URL from its origin (search-videos.ts searchVideoURI), so such a
 *   keyword is refused rather than sent.
 * nsfw=both so sensitive videos are not hidden by the account's NSFW policy. Calls go through the session token.
 */
import { z } from 'zod';
import { AppError } from '../../errors';
import type { PostPage, RecentPostsInput, SearchPostsInput } from '../watch-types';
import type { PostSink } from '../shared/watch-post-items';
import type { PeerTubeClient, Query } from './client';
import { parseRemote } from './parse';
import { collectVideos, newer, type VideoKey } from './watch-parse';

export const WATCH_PAGE = 100;
export const MAX_PAGES = 3;
const listSchema = z.object({ data: z.array(z.unknown()) });

export function listRecentVideos(client: PeerTubeClient, input: RecentPostsInput): Promise<PostPage> {
  return readPages(client, '/api/v1/videos', {}, input);
}

export function searchVideos(client: PeerTubeClient, input: SearchPostsInput): Promise<PostPage> {
  const value = input.value.trim();
  if (!value) throw new AppError('bad_request', 'Empty watch term', { userMessage: 'The watch term is empty.' });
  if (input.kind === 'hashtag') return readPages(client, '/api/v1/search/videos', { tagsOneOf: value.replace(/^#/, ''), searchTarget: 'local' }, input);
  if (/^https?:\/\//i.test(value) || /^@?[\w.-]+@[\w.-]+$/.test(value)) {
    throw new AppError('unsupported', 'PeerTube would resolve this keyword remotely', {
      userMessage: 'PeerTube treats an address as something to fetch from its server, so it is not searched; the new-videos scan still matches it.',
    });
  }
  return readPages(client, '/api/v1/search/videos', { search: value, searchTarget: 'local' }, input);
}

async function readPages(client: PeerTubeClient, path: string, extra: Query, input: RecentPostsInput): Promise<PostPage> {
  const since = cursorOf(input.since);
  const limit = Math.min(WATCH_PAGE * MAX_PAGES, Math.max(1, Math.trunc(input.limit ?? WATCH_PAGE)));
  const sink: PostSink = { items: [], skipped: [] };
  let newest: VideoKey | null = null;
  for (let start = 0, page = 0; page < MAX_PAGES && start < limit; page++) {
    const count = Math.min(WATCH_PAGE, limit - start);
    const data = await client.request('GET', path, { query: { ...extra, sort: '-publishedAt', count, start, nsfw: 'both' } });
    const raw = parseRemote(listSchema, data, 'video list').data;
    const { keys, reached } = collectVideos(sink, raw, client.baseUrl, since);
    for (const k of keys) if (newer(k, newest)) newest = k;
    if (since === null || reached || raw.length < count) break;
    start += count;
  }
  sink.items.sort((a, b) => ((b.createdAt ?? '') > (a.createdAt ?? '') ? 1 : (b.createdAt ?? '') < (a.createdAt ?? '') ? -1 : 0));
  return { ...sink, newest: newest ? `${newest.at}|${newest.id}` : null };
}

function cursorOf(since: string | null | undefined): VideoKey | null {
  if (!since) return null;
  const m = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)\|(\d{1,15})$/.exec(since);
  if (!m) throw new AppError('bad_request', 'Invalid PeerTube watch cursor', { userMessage: 'The watch cursor is not a PeerTube video position.' });
  return { at: m[1], id: Number(m[2]) };
}
