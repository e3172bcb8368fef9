/**
 * Search answers of Lemmy 0.19 (v3) and 1.0 (v4) as copy lookups read them, and the one mapping from a post view
 * to a FoundCopy. A copy is returned only when the post really is the queried item: its ap_id equals the origin
 * URI, or its url equals one of the origin's file URLs. Anything else a (hostile) server sends is dropped.
 */
import { z } from 'zod';
import type { CopyQuery, FoundCopy } from '../types';
import { numericIdSchema } from '../shared/remote-schemas';
import { mapPerson } from './mapper';

const text = z.string().max(2000).nullish();

const personSchema = z.object({
  id: numericIdSchema, name: z.string().min(1).max(255), actor_id: text, ap_id: text, local: z.boolean().nullish(),
});

/** PostView, in both generations: 1.0 renamed Person.actor_id to ap_id. */
export const postViewSchema = z.object({
  post: z.object({ id: numericIdSchema, url: text, thumbnail_url: text, ap_id: text }),
  creator: personSchema,
});
export type CopyPostView = z.infer<typeof postViewSchema>;

/** GET /api/v3/search (0.19): {type_, posts, comments, communities, users}; only posts are read. */
export const v3SearchSchema = z.object({ posts: z.array(z.unknown()) });

/** GET /api/v4/search (1.0): `resolve` is the object whose ActivityPub id is the search term (tagged on type_). */
export const v4SearchSchema = z.object({
  posts: z.array(z.unknown()).nullish(),
  resolve: z.object({ type_: z.string() }).passthrough().nullish().catch(null),
});

/** One view, or null when it does not parse (one broken item never sinks the lookup). */
export function parseView(raw: unknown): CopyPostView | null {
  const r = postViewSchema.safeParse(raw);
  return r.success ? r.data : null;
}

/** An http(s) URL in its normal form (so "HTTPS://A.example/x" and "https://a.example/x" compare equal), or null. */
export function normalUrl(s: string | null | undefined): string | null {
  if (!s) return null;
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

export function toFoundCopy(view: CopyPostView, query: CopyQuery, baseUrl: string): FoundCopy | null {
  const { post, creator } = view;
  const apId = normalUrl(post.ap_id);
  const url = normalUrl(post.url);
  const byUri = apId !== null && apId === normalUrl(query.originUri);
  const byMedia = url !== null && query.originMediaUrls.some((m) => normalUrl(m) === url);
  if (!byUri && !byMedia) return null;
  const account = mapPerson({ id: creator.id, name: creator.name, actor_id: creator.ap_id ?? creator.actor_id, local: creator.local });
  return {
    // The same ids the report mapper gives the post and its image, so a copy we also hold locally is one copy.
    postId: `post:${post.id}`,
    postUrl: `${baseUrl}/post/${post.id}`,
    postUri: apId,
    mediaId: `post:${post.id}:image`,
    // The instance's own copy of the file is its pict-rs thumbnail; without one, the post links the origin's file.
    mediaUrl: normalUrl(post.thumbnail_url) ?? url,
    originMediaUrl: url,
    account: { remoteId: account.remoteId, acct: account.acct },
    foundBy: byUri ? 'origin_uri' : 'media_url',
  };
}

/** One copy per post, the origin-URI match winning over the file-URL one. */
export function dedupeCopies(copies: FoundCopy[]): FoundCopy[] {
  const byPost = new Map<string, FoundCopy>();
  for (const c of copies) {
    const seen = byPost.get(c.postId ?? '');
    if (!seen || (seen.foundBy !== 'origin_uri' && c.foundBy === 'origin_uri')) byPost.set(c.postId ?? '', c);
  }
  return [...byPost.values()];
}
