/** Non-admin routes: the credential and instance reads verify() makes, and synthetic media files. */
import { knownBadImage, knownBadMime } from '../federation/known-bad';
import { syntheticImage } from '../images';
import { FakeError, notFound, type Reply, type Route } from './route-types';
import type { FakeMedia } from './entities';
import { decodeProxy, fileForOrigin } from './media-proxy';
import { serializeAccount } from './serialize';

export const publicRoutes: Route[] = [
  {
    method: 'GET', pattern: /^\/api\/v1\/accounts\/verify_credentials$/, scope: 'read:accounts',
    handler: ({ state }) => ({ json: serializeAccount(state, state.admin()) }),
  },
  {
    method: 'GET', pattern: /^\/api\/v1\/instance$/,
    handler: ({ state }) => ({ json: { uri: `https://${state.domain}`, title: state.title, version: state.version } }),
  },
  {
    // Local uploads: served while the attachment exists (bans do not apply: they are not proxied).
    method: 'GET', pattern: /^\/media\/([A-Za-z0-9]+)\.png$/,
    handler: async ({ state, params: [id] }) => {
      const media = state.media.get(id) ?? (state.removal.keepServing ? state.removedMedia.get(id) : undefined);
      if (!media) throw notFound();
      return fileReply(media);
    },
  },
  {
    // The media proxy (media-proxy.ts): 403 on a bad signature, 404 once the origin URL is banned (unless a cache
    // in front keeps serving), else the origin's bytes whether or not the post still exists.
    method: 'GET', pattern: /^\/proxy\/([A-Za-z0-9_-]+)\/([A-Za-z0-9_-]+)(?:\/[^/]*)?$/,
    handler: async ({ state, params: [sig, url64] }) => {
      const origin = decodeProxy(sig, url64);
      if (origin === 'invalid_signature') throw new FakeError(403, 'Forbidden');
      if (!origin || (state.bannedUrls.has(origin) && !state.removal.keepServing)) throw notFound();
      const media = fileForOrigin(state, origin);
      if (!media) throw notFound();
      return fileReply(media);
    },
  },
  {
    // A post's page (/notice/:id, the postUrl a copy lookup reports): 200 while the post exists, 404 after.
    method: 'GET', pattern: /^\/notice\/([A-Za-z0-9]+)$/,
    handler: ({ state, params: [id] }) => {
      const found = state.statuses.has(id);
      const html = `<!DOCTYPE html><html><head><title>${found ? 'Post' : 'Not found'}</title></head><body></body></html>`;
      return { status: found ? 200 : 404, body: Buffer.from(html), contentType: 'text/html; charset=utf-8' };
    },
  },
];

async function fileReply(media: FakeMedia): Promise<Reply> {
  if (media.knownBad) return { body: await knownBadImage(media.knownBad), contentType: knownBadMime(media.knownBad) };
  return { body: await syntheticImage(media.imageSeed, { width: media.width, height: media.height }), contentType: 'image/png' };
}
