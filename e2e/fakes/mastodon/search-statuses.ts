/**
 * Full-text status search, as Mastodon answers GET /api/v2/search type=statuses when Elasticsearch is configured
 * (FakeMastodonOptions.fullTextSearch): public posts whose text contains q (case-insensitive), bounded by
 * min_id/max_id, newest first, at most 40. Without it the real server answers no statuses at all.
 */
import { str, type Params } from './http';
import { searchText } from './post-tags';
import { publicPosts, serializePost } from './routes-timelines';
import { compareIds, type FakeState } from './state';

export function searchStatuses(state: FakeState, q: string, query: Params): unknown[] {
  if (!state.fullTextSearch) return [];
  const limit = Math.min(40, Math.max(1, Number.parseInt(str(query.limit) ?? '20', 10) || 20));
  const minId = idParam(query.min_id);
  const maxId = idParam(query.max_id);
  const needle = q.toLowerCase();
  return publicPosts(state)
    .filter((s) => (minId === null || compareIds(s.id, minId) > 0) && (maxId === null || compareIds(s.id, maxId) < 0))
    .filter((s) => searchText(s.contentHtml, s.spoilerText).includes(needle))
    .slice(0, limit)
    .map((s) => serializePost(state, s));
}

function idParam(v: unknown): string | null {
  const s = str(v);
  return s && /^\d+$/.test(s) ? s : null;
}
