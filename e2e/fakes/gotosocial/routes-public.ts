/** Non-admin endpoints: the token's own account, the instance, and the synthetic media the fake serves. */
import { syntheticImage } from '../images';
import { HttpError, type Reply } from '../mastodon/http';
import type { Route } from './route-types';
import { serializeAccount } from './serialize';
import { servableMedia } from './removals';

function page(status: number, title: string): Reply {
  const html = `<!DOCTYPE html><html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`;
  return { status, body: Buffer.from(html), contentType: 'text/html; charset=utf-8' };
}

export const publicRoutes: Route[] = [
  {
    // The web page of a LOCAL post (its `url` is on this host): 404 once the post is deleted or its account suspended.
    method: 'GET', pattern: /^\/@([A-Za-z0-9_]+)\/statuses\/([0-9A-Z]{26})$/,
    handler: ({ state, params: [username, id] }) => {
      const status = state.statuses.get(id);
      const account = status ? state.accounts.get(status.accountId) : undefined;
      if (!status || !account || account.domain !== null || account.suspended || account.username.toLowerCase() !== username.toLowerCase()) {
        return page(404, 'Not Found');
      }
      return page(200, `${account.displayName || account.username}: post ${status.id}`);
    },
  },
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
      // Deleted with the account, or pruned by media_cleanup: gone, unless keep-serving is on.
      const media = servableMedia(state, id);
      if (!media) throw new HttpError(404, 'Not Found');
      if (size === 'original' && media.bytes) return { body: media.bytes, contentType: `image/${media.format ?? 'png'}` };
      const dims = size === 'small'
        ? { width: Math.max(1, Math.round(media.width / 2)), height: Math.max(1, Math.round(media.height / 2)) }
        : { width: media.width, height: media.height };
      return { body: await syntheticImage(media.imageSeed, { ...dims, format: 'png' }), contentType: 'image/png' };
    },
  },
];
