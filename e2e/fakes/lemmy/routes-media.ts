/**
 * What the public sees, fetched without credentials: pict-rs images and the post pages (lemmy-ui's /post/N).
 * - /pictrs/image/pN.png: post N's upload, served while the post holds it. A purge deletes it from pict-rs
 *   (purge_post_images / delete_local_user_images), a moderator removal does not (the post is only hidden).
 * - /pictrs/image/known-bad.*: the thumbnail pict-rs made of the federated known-bad post (known-bad.ts), served
 *   while some post still links it as its thumbnail.
 * While /__fake/keep-serving is on, images a purge removed are served on with the same bytes (a CDN cache).
 * A post page answers 200 HTML while the post is visible to the public, 404 once purged, removed or deleted.
 */
import { knownBadImage, knownBadMime } from '../federation/known-bad';
import { syntheticImage } from '../images';
import { knownBadThumbnailPath } from './known-bad';
import { FakeError, type Route } from './route-types';
import type { FakeLemmyState, FakePost } from './state';

/** The live post, or (keep-serving on) the post as it was before a purge took its image. */
function imageHolder(state: FakeLemmyState, has: (p: FakePost) => boolean): FakePost | undefined {
  const live = [...state.posts.values()].find(has);
  if (live || !state.removal.keepServing) return live;
  return [...state.purgedPosts.values()].find(has);
}

const notFoundPage = { status: 404, body: Buffer.from('<!doctype html><title>404</title><p>Not found</p>'), contentType: 'text/html; charset=utf-8' };

export const mediaRoutes: Route[] = [
  {
    method: 'GET', pattern: /^\/pictrs\/image\/p(\d+)\.png$/,
    handler: async ({ state, params: [id] }) => {
      const post = imageHolder(state, (p) => p.id === Number(id) && p.imageSeed !== null);
      if (!post?.imageSeed) throw new FakeError(404, 'not_found');
      return { body: await syntheticImage(post.imageSeed, { width: 320, height: 240 }), contentType: 'image/png' };
    },
  },
  {
    method: 'GET', pattern: /^\/pictrs\/image\/known-bad\.(png|jpg)$/,
    handler: async ({ state, params: [ext] }) => {
      const path = `/pictrs/image/known-bad.${ext}`;
      const variant = state.knownBadVariant;
      const holder = variant && knownBadThumbnailPath(state) === path ? imageHolder(state, (p) => p.thumbnailUrl === state.baseUrl + path) : undefined;
      if (!variant || !holder) throw new FakeError(404, 'not_found');
      return { body: await knownBadImage(variant), contentType: knownBadMime(variant) };
    },
  },
  {
    method: 'GET', pattern: /^\/post\/(\d+)$/,
    handler: ({ state, params: [id] }) => {
      const post = state.posts.get(Number(id));
      if (!post || post.removed || post.deleted) return notFoundPage;
      const html = `<!doctype html><title>${escape(post.name)}</title><h1>${escape(post.name)}</h1>`;
      return { body: Buffer.from(html), contentType: 'text/html; charset=utf-8' };
    },
  },
];

function escape(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}
