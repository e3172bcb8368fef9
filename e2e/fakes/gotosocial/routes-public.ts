/** Non-admin endpoints: the token's own account, the instance, and the synthetic media the fake serves. */
import { syntheticImage } from '../images';
import { HttpError } from '../mastodon/http';
import type { Route } from './route-types';
import { serializeAccount } from './serialize';

export const publicRoutes: Route[] = [
  {
    method: 'GET', pattern: /^\/api\/v1\/accounts\/verify_credentials$/, scope: 'read:accounts',
    handler: ({ state }) => ({ json: { ...serializeAccount(state, state.admin()), role: { name: state.admin().role } } }),
  },
  {
    method: 'GET', pattern: /^\/api\/v1\/instance$/,
    handler: ({ state }) => ({
      json: {
        uri: state.domain, account_domain: state.domain, title: state.title, version: state.version,
        source_url: 'https://codeberg.org/superseriousbusiness/gotosocial', registrations: false, rules: state.rules,
      },
    }),
  },
  {
    // Files are public in GoToSocial (no token). A pruned remote file is gone until refetched.
    method: 'GET', pattern: /^\/fileserver\/[0-9A-Z]{26}\/attachment\/(original|small)\/([0-9A-Z]{26})\.(?:png|jpeg)$/,
    handler: async ({ state, params: [size, id] }) => {
      const media = state.media.get(id);
      if (!media || !media.cached) throw new HttpError(404, 'Not Found');
      if (size === 'original' && media.bytes) return { body: media.bytes, contentType: `image/${media.format ?? 'png'}` };
      const dims = size === 'small'
        ? { width: Math.max(1, Math.round(media.width / 2)), height: Math.max(1, Math.round(media.height / 2)) }
        : { width: media.width, height: media.height };
      return { body: await syntheticImage(media.imageSeed, { ...dims, format: 'png' }), contentType: 'image/png' };
    },
  },
];
