/**
 * Public post pages, as a visitor without a session gets them: GET /@username/:id for posts of LOCAL accounts (the
 * `url` the API reports for them is on this host; a federated post's url is its origin's, which this fake does not
 * serve). Mastodon's StatusesController with AccountOwnedConcern: unknown local account → 404; account suspended
 * and its data deleted (permanently) → 410; suspended but not yet deleted → 403; unknown, deleted or non-public
 * post → 404; else 200 text/html.
 */
import type { Reply } from './http';
import type { Route } from './route-types';

function page(status: number, title: string): Reply {
  const html = `<!DOCTYPE html><html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`;
  return { status, body: Buffer.from(html), contentType: 'text/html; charset=utf-8' };
}

export const pageRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/@([A-Za-z0-9_]+)\/(\d+)$/,
    handler: ({ state, params: [username, id] }) => {
      const account = [...state.accounts.values()].find((a) => a.domain === null && a.username.toLowerCase() === username.toLowerCase());
      if (!account) return page(404, 'The page you are looking for isn\'t here.');
      if (account.suspended && account.dataDeletedAt) return page(410, 'This account has been deleted.');
      if (account.suspended) return page(403, 'This account is suspended.');
      const status = state.statuses.get(id);
      if (!status || status.accountId !== account.id || (status.visibility !== 'public' && status.visibility !== 'unlisted')) {
        return page(404, 'The page you are looking for isn\'t here.');
      }
      return page(200, `${account.displayName || account.username}: post ${status.id}`);
    },
  },
];
