/** Non-admin routes: the credential and instance reads verify() makes, and synthetic media files. */
import { knownBadImage, knownBadMime } from '../federation/known-bad';
import { syntheticImage } from '../images';
import { notFound, type Route } from './route-types';
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
    method: 'GET', pattern: /^\/media\/([A-Za-z0-9]+)\.png$/,
    handler: async ({ state, params: [id] }) => {
      const media = state.media.get(id);
      // A purged-and-banned URL is gone from the cache, so the fake stops serving it too.
      if (!media || state.bannedUrls.has(`${state.baseUrl}/media/${id}.png`)) throw notFound();
      if (media.knownBad) return { body: await knownBadImage(media.knownBad), contentType: knownBadMime(media.knownBad) };
      return { body: await syntheticImage(media.imageSeed, { width: media.width, height: media.height }), contentType: 'image/png' };
    },
  },
];
