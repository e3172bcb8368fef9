/**
 * Watch lists (issue 14): Lemmy PostViews as a watch scan reads them, in both API generations (0.19 `published`,
 * `actor_id`; 1.0 `published_at`, `ap_id`, and the creator's site ban as `creator_banned` on the view). Each view
 * is parsed on its own: a malformed one becomes a SkippedItem and the rest land. Removed and deleted posts (an
 * admin's listing still shows them) are left out, not skipped.
 */
import { z } from 'zod';
import type { RemotePost } from '../watch-types';
import { keepPost, skipItem, type PostSink } from '../shared/watch-post-items';
import { numericIdSchema, optionalDate } from '../shared/remote-schemas';
import type { LemmyPerson, LemmyPost } from './api-types';
import { escapeHtml, mapPerson, postMedia } from './mapper';
import { formatIssues } from './parse';

const text = z.string().nullish();
const flag = z.boolean().nullish().catch(null);

const post = z.object({
  id: numericIdSchema, name: z.string(), body: text, url: text, thumbnail_url: text, ap_id: text, nsfw: flag,
  removed: flag, deleted: flag, published: optionalDate, published_at: optionalDate,
});
const creator = z.object({
  id: numericIdSchema, name: z.string(), display_name: text, avatar: text, actor_id: text, ap_id: text, local: flag,
  banned: flag, published: optionalDate, published_at: optionalDate,
});
export const watchPostViewSchema = z.object({ post, creator, creator_banned: flag });

export function mapWatchPost(v: z.infer<typeof watchPostViewSchema>): RemotePost | null {
  const p = v.post;
  if (p.removed || p.deleted) return null;
  const lemmyPost: LemmyPost = {
    id: p.id, name: p.name, body: p.body, url: p.url, thumbnail_url: p.thumbnail_url, ap_id: p.ap_id, nsfw: p.nsfw,
    published: p.published_at ?? p.published ?? null,
  };
  const c = v.creator;
  const person: LemmyPerson = {
    id: c.id, name: c.name, display_name: c.display_name, avatar: c.avatar, actor_id: c.ap_id ?? c.actor_id, local: c.local,
    banned: v.creator_banned ?? c.banned, published: c.published_at ?? c.published ?? null,
  };
  const html = [p.name, p.body].filter((s): s is string => !!s?.trim()).map((s) => `<p>${escapeHtml(s)}</p>`).join('');
  return {
    // The ids the report mapper gives a post and its image, so a watched post that is later reported is one post.
    remoteId: `post:${p.id}`, url: p.ap_id ?? null, uri: p.ap_id ?? null, contentHtml: html, spoilerText: '',
    sensitive: p.nsfw === true, visibility: null, createdAt: lemmyPost.published ?? null, media: postMedia(lemmyPost),
    account: mapPerson(person), tags: [], links: p.url ? [p.url] : [],
  };
}

/** The post id of a raw view, for the cursor and the skipped list, even when the view does not parse. */
export function rawPostId(raw: unknown): number | null {
  const id = (raw as { post?: { id?: unknown } } | null)?.post?.id;
  return numericIdSchema.safeParse(id).success ? (id as number) : null;
}

/** Parses views newer than `since` into the sink. Returns whether the page reached the cursor (an id at or below it). */
export function collectViews(sink: PostSink, raw: unknown[], since: number | null): boolean {
  let reached = false;
  for (const item of raw) {
    const id = rawPostId(item);
    if (since !== null && id !== null && id <= since) {
      reached = true;
      continue;
    }
    const parsed = watchPostViewSchema.safeParse(item);
    if (!parsed.success) {
      sink.skipped.push(skipItem(id === null ? null : `post:${id}`, formatIssues(parsed.error), item));
      continue;
    }
    const mapped = mapWatchPost(parsed.data);
    if (mapped) keepPost(sink, mapped, item);
  }
  return reached;
}
