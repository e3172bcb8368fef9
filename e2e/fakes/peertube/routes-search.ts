/**
 * GET /api/v1/search/videos as PeerTube answers it (server/core/controllers/api/search/search-videos.ts):
 * - a search that starts with http:// or https:// is a URI search: a logged-in user (search.remote_uri.users, on by
 *   default) makes PeerTube fetch the video from its origin (getOrCreateAPVideo), which the fake cannot do, so it
 *   records the call in state.remoteFetches and answers from what it holds; anonymously only local URLs are read
 *   (search.remote_uri.anonymous is off by default);
 * - anything else is a database search: the name (PeerTube uses trigram similarity; the fake a substring), a tag, or
 *   exactly the video's uuid when the search is a UUID. Blocked and deleted videos are left out.
 * tagsOneOf filters by tag (watch lists) and the answer follows `sort` (publishedAt only; default -publishedAt here).
 * No search index is configured, so searchTarget=search-index is refused like an invalid parameter.
 */
import { str } from '../mastodon/http';
import { invalidParam, type Route } from './http';
import { listParams } from './routes-watch';
import { byPublished, serializeListedVideo } from './serialize-watch';
import type { FakePeerTubeState } from './state';
import type { FakeVideo } from './entities';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function listed(state: FakePeerTubeState): FakeVideo[] {
  return [...state.videos.values()].filter((v) => !v.deleted && !state.videoBlocks.has(v.id));
}

function byUrl(state: FakePeerTubeState, url: string): FakeVideo[] {
  const m = /\/(?:videos\/watch|w)\/([\w-]+)$/.exec(url);
  const local = url.startsWith(`${state.baseUrl}/`);
  return local && m ? listed(state).filter((v) => v.uuid === m[1]) : [];
}

export const searchRoutes: Route[] = [
  {
    method: 'GET', pattern: /^\/api\/v1\/search\/videos$/, auth: 'optional',
    handler: ({ state, query, viewer }) => {
      const search = str(query.search) ?? '';
      const target = str(query.searchTarget);
      if (target !== undefined && target !== 'local') throw invalidParam('searchTarget', target, 'query');
      const { start, count, ascending } = listParams(query);
      // tagsOneOf (one value, or tagsOneOf[] several): exact, case-insensitive tag match (watch lists).
      const tagList = Array.isArray(query.tagsOneOf) ? query.tagsOneOf.map(String) : str(query.tagsOneOf) ? [str(query.tagsOneOf)!] : [];
      const tags = tagList.map((t) => t.toLowerCase());
      let found: FakeVideo[];
      if (/^https?:\/\//.test(search)) {
        if (viewer !== null) state.recordRemoteFetch('GET /api/v1/search/videos', search);
        found = byUrl(state, search);
      } else {
        const q = search.toLowerCase();
        const tagged = (v: FakeVideo) => (v.tags ?? []).some((t) => tags.includes(t.toLowerCase()));
        found = listed(state).filter((v) => (tags.length === 0 || tagged(v)) && (q === '' ? tags.length > 0
          : (UUID.test(search) && v.uuid === q) || v.name.toLowerCase().includes(q) || (v.tags ?? []).some((t) => t.toLowerCase() === q)));
      }
      found.sort(byPublished);
      if (ascending) found.reverse();
      return { json: { total: found.length, data: found.slice(start, start + count).map((v) => serializeListedVideo(state, v)) } };
    },
  },
];
