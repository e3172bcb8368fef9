/**
 * Watch-list routes (issue 14): GET /api/v1/videos (the public video list: sort, start, count ≤ 100, nsfw; blocked
 * and deleted videos left out) and the control route POST /__fake/posts {html, tags?, media?, acct?, url?,
 * malformed?} → {id}, which publishes a video whose title is the first line of `html` and whose description is
 * the rest (a `url` goes into the support text, as uploaders link their sites there).
 */
import { z } from 'zod';
import { str, type Params } from '../mastodon/http';
import { intBetween } from '../prng';
import { invalidParam, ProblemError, type Route } from './http';
import { byPublished, serializeListedVideo } from './serialize-watch';
import type { FakePeerTubeState } from './state';

const SORTS = ['match', '-match', 'name', '-name', 'duration', '-duration', 'createdAt', '-createdAt', 'publishedAt', '-publishedAt', 'views', '-views', 'likes', '-likes', 'trending', '-trending', 'hot', '-hot', 'best', '-best'];

/** start/count/sort/nsfw as PeerTube's paginationValidator and videosSortValidator check them. */
export function listParams(query: Params): { start: number; count: number; ascending: boolean } {
  const start = Number(str(query.start) ?? 0);
  const count = Number(str(query.count) ?? 15);
  const sort = str(query.sort) ?? '-publishedAt';
  const nsfw = str(query.nsfw);
  if (!Number.isInteger(start) || start < 0) throw invalidParam('start', query.start, 'query');
  if (!Number.isInteger(count) || count < 0 || count > 100) throw invalidParam('count', query.count, 'query');
  if (!SORTS.includes(sort)) throw invalidParam('sort', sort, 'query');
  if (nsfw !== undefined && !['true', 'false', 'both'].includes(nsfw)) throw invalidParam('nsfw', nsfw, 'query');
  return { start, count, ascending: sort === 'publishedAt' || sort === 'createdAt' };
}

const newPost = z.object({
  html: z.string().max(10_000), tags: z.array(z.string().min(2).max(30)).max(5).optional(), media: z.number().int().min(0).max(4).optional(),
  acct: z.string().regex(/^[\w.-]+(@[\w.-]+)?$/).optional(), url: z.string().url().optional(), malformed: z.boolean().optional(),
});

function addWatchVideo(state: FakePeerTubeState, input: z.infer<typeof newPost>): number {
  const [name, host = null] = (input.acct ?? 'alice').split('@');
  let account = [...state.accounts.values()].find((a) => a.name === name && a.host === host);
  if (!account) {
    const aid = state.nextId();
    account = { id: aid, name, host, displayName: name.toUpperCase(), createdAt: state.tick() };
    state.accounts.set(aid, account);
  }
  const id = state.nextId();
  const [title, ...rest] = input.html.split('\n');
  const hex = Array.from({ length: 32 }, () => Math.floor(state.rng() * 16).toString(16)).join('');
  state.videos.set(id, {
    id, uuid: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`, name: title.slice(0, 120) || `Video ${id}`,
    accountId: account.id, nsfw: false, imageSeed: intBetween(state.rng, 1, 1_000_000), deleted: false,
    // Real time, after every seeded video: the newest upload is listed first.
    publishedAt: new Date(Date.now() + id).toISOString(), description: rest.join('\n') || null,
    tags: input.tags ?? [...input.html.matchAll(/#([\p{L}\p{N}_]+)/gu)].map((m) => m[1].toLowerCase()).slice(0, 5),
    support: input.url ? `Support me: ${input.url}` : null, malformed: input.malformed,
  });
  return id;
}

export const watchRoutes: Route[] = [
  {
    method: 'GET', pattern: /^\/api\/v1\/videos$/, auth: 'optional',
    handler: ({ state, query }) => {
      const { start, count, ascending } = listParams(query);
      const all = [...state.videos.values()].filter((v) => !v.deleted && !state.videoBlocks.has(v.id)).sort(byPublished);
      if (ascending) all.reverse();
      return { json: { total: all.length, data: all.slice(start, start + count).map((v) => serializeListedVideo(state, v)) } };
    },
  },
  {
    method: 'POST', pattern: /^\/__fake\/posts$/,
    handler: ({ state, body }) => {
      const r = newPost.safeParse(body);
      if (!r.success) throw new ProblemError(400, 'Bad Request', z.prettifyError(r.error));
      return { json: { id: addWatchVideo(state, r.data) } };
    },
  },
];
