/**
 * The /api/v1/pleroma/admin/users routes (instance-apis.md §5), all addressed by nickname and all behind
 * admin:write:accounts, as in Pleroma's UserController and AdminAPIController.
 */
import { z } from 'zod';
import { internalError, parse } from './body';
import { notFound, type Route } from './route-types';
import { serializeAccount } from './serialize';
import type { FakeAkkomaState } from './state';

const P = '^/api/v1/pleroma/admin';
const R = (path: string) => new RegExp(`${P}${path}$`);

const nicknames = z.object({ nicknames: z.array(z.string()).min(1) });
const tagBody = nicknames.extend({ tags: z.array(z.string()).min(1) });
// DELETE /users: an empty list is no error to Akkoma (nothing to delete, 200 []).
const deleteBody = z.object({ nicknames: z.array(z.string()).optional() });

function users(state: FakeAkkomaState, names: string[]) {
  return names.map((n) => {
    const a = state.accounts.get(n);
    if (!a) throw notFound();
    return a;
  });
}

/**
 * What Akkoma's User.delete does, as the fake sees it: the user row is purged and deactivated (kept, so the
 * nickname cannot come back and reports still render it), and its posts and their media are deleted.
 */
function deleteAccount(state: FakeAkkomaState, nickname: string): void {
  const account = state.accounts.get(nickname);
  if (!account) return;
  state.accounts.delete(nickname);
  state.deletedAccounts.set(nickname, { ...account, isActive: false, tags: [], displayName: '' });
  for (const [id, s] of state.statuses) {
    if (s.nickname !== nickname) continue;
    for (const mediaId of s.mediaIds) {
      const media = state.media.get(mediaId);
      if (media) state.removedMedia.set(mediaId, media);
      state.media.delete(mediaId);
    }
    state.statuses.delete(id);
  }
}

export const userRoutes: Route[] = [
  {
    method: 'DELETE', pattern: R('/users'), scope: 'admin:write:accounts',
    handler: ({ state, query, body }) => {
      // `nicknames` in the body, or the deprecated single `nickname` query parameter.
      const input = parse(deleteBody, body);
      const list = input.nicknames ?? (typeof query.nickname === 'string' ? [query.nickname] : null);
      // Neither: no controller clause matches and Phoenix answers 500 (verify).
      if (!list) throw internalError();
      for (const n of list) {
        // Akkoma looks every nickname up and calls User.delete on each in turn without checking: an unknown one
        // is nil, which crashes the request with a 500 after the earlier ones were deleted (verify: the docs
        // list no error for this; UserController.delete/2 in Pleroma's source shows no lookup check).
        if (!state.anyAccount(n)) throw internalError();
        deleteAccount(state, n);
      }
      return { json: list };
    },
  },
  ...(['deactivate', 'activate'] as const).map((verb): Route => ({
    method: 'PATCH', pattern: R(`/users/${verb}`), scope: 'admin:write:accounts',
    handler: ({ state, body }) => {
      const found = users(state, parse(nicknames, body).nicknames);
      for (const a of found) a.isActive = verb === 'activate';
      return { json: { users: found.map((a) => serializeAccount(state, a)) } };
    },
  })),
  ...(['PUT', 'DELETE'] as const).map((method): Route => ({
    method, pattern: R('/users/tag'), scope: 'admin:write:accounts',
    handler: ({ state, body }) => {
      const input = parse(tagBody, body);
      for (const a of users(state, input.nicknames)) {
        a.tags = method === 'PUT' ? [...new Set([...a.tags, ...input.tags])] : a.tags.filter((t) => !input.tags.includes(t));
      }
      return { status: 204 };
    },
  })),
];
