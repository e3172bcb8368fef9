/**
 * Copy lookups (issue 9) as Misskey answers them, and the traps around them.
 *
 * DB-only, used by the connector: admin/show-users (username prefix LIKE, hostname substring LIKE),
 * users/notes (userId, withFiles), admin/drive/show-file (fileId, or url matched against the url, thumbnailUrl and
 * webpublicUrl columns: NOT uri, so a cached remote file is not found by its origin URL).
 * Traps (misskey-dev/misskey ApiService/ap/show.ts, users/show.ts + RemoteUserResolveService): ap/show on a URI this
 * server does not hold, and users/show {username, host} for a user it does not know, make the real server fetch
 * from elsewhere; the fake records a RemoteFetchRecord instead.
 */
import type { Endpoint } from './endpoint-types';
import type { FakeMisskeyState } from './state';
import { MisskeyApiError, errors, str } from './http';
import { fileUrl, packFileAdmin, packNote, packUser } from './serialize';

// Error ids as the endpoints' metas declare them.
const NO_SUCH_FILE = 'caf3ca38-c6e5-472e-a30c-b05377dcc240';
const NO_SUCH_USER_NOTES = '27e494ba-2ac2-48e8-893b-10d4d8c2387b';
const NO_SUCH_USER_SHOW = '4362f8dc-731f-4ad8-a694-be5a88922a24';
const NO_SUCH_OBJECT = 'dc94d745-1262-4e63-a17d-fecaa57efc82';

function limitOf(body: Record<string, unknown>, fallback: number): number {
  const limit = body.limit ?? fallback;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 100) throw errors.invalidParam('limit');
  return limit;
}

function recordFetch(state: FakeMisskeyState, endpoint: string, target: string): void {
  state.remoteFetches.push({ at: new Date().toISOString(), endpoint: `POST /api/${endpoint}`, target });
}

export const lookupEndpoints: Record<string, Endpoint> = {
  'admin/show-users': {
    kind: 'read:admin:show-user',
    moderator: true,
    handler: ({ state, body }) => {
      const limit = limitOf(body, 10);
      const offset = typeof body.offset === 'number' && body.offset >= 0 ? body.offset : 0;
      const origin = body.origin ?? 'local';
      const username = str(body.username)?.toLowerCase();
      const hostname = str(body.hostname)?.toLowerCase();
      return [...state.users.values()]
        .filter((u) => (origin === 'local' ? u.host === null : origin === 'remote' ? u.host !== null : true))
        .filter((u) => !username || u.username.toLowerCase().startsWith(username))
        .filter((u) => !hostname || (u.host ?? '').toLowerCase().includes(hostname))
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .slice(offset, offset + limit)
        .map((u) => packUser(state, u));
    },
  },
  'users/notes': {
    handler: ({ state, body }) => {
      const userId = str(body.userId);
      if (!userId) throw errors.invalidParam('userId');
      const limit = limitOf(body, 10);
      if (!state.users.has(userId)) throw errors.noSuch('USER', NO_SUCH_USER_NOTES);
      const untilId = str(body.untilId);
      return [...state.notes.values()]
        .filter((n) => n.userId === userId && (body.withFiles === true ? n.fileIds.length > 0 : true) && (!untilId || n.id < untilId))
        .sort((a, b) => (a.id < b.id ? 1 : -1))
        .slice(0, limit)
        .map((n) => packNote(state, n));
    },
  },
  'admin/drive/show-file': {
    kind: 'read:admin:drive',
    moderator: true,
    handler: ({ state, body }) => {
      const fileId = str(body.fileId);
      const url = str(body.url);
      if (!fileId && !url) throw errors.invalidParam('fileId or url');
      const file = fileId
        ? state.files.get(fileId)
        : [...state.files.values()].find((f) => fileUrl(state, f) === url || (!f.isLink && `${state.baseUrl}/files/${f.id}?thumbnail=1` === url));
      if (!file) throw errors.noSuch('FILE', NO_SUCH_FILE);
      return packFileAdmin(state, file);
    },
  },
  // Traps: never used by the connector.
  'ap/show': {
    kind: 'read:account',
    requireCredential: true,
    handler: ({ state, body }) => {
      const uri = str(body.uri);
      if (!uri) throw errors.invalidParam('uri');
      const note = [...state.notes.values()].find((n) => n.uri === uri || state.noteUrl(n.id) === uri);
      if (note) return { type: 'Note', object: packNote(state, note) };
      recordFetch(state, 'ap/show', uri);
      throw new MisskeyApiError(400, 'NO_SUCH_OBJECT', 'No such object.', NO_SUCH_OBJECT);
    },
  },
  'users/show': {
    handler: ({ state, body }) => {
      const userId = str(body.userId);
      const username = str(body.username)?.toLowerCase();
      const host = str(body.host)?.toLowerCase() ?? null;
      const user = userId
        ? state.users.get(userId)
        : [...state.users.values()].find((u) => u.username.toLowerCase() === username && (u.host?.toLowerCase() ?? null) === host);
      if (user) return packUser(state, user);
      // RemoteUserResolveService.resolveUser: an unknown remote user is looked up by WebFinger on its host.
      if (!userId && username && host) recordFetch(state, 'users/show', `${username}@${host}`);
      throw errors.noSuch('USER', NO_SUCH_USER_SHOW);
    },
  },
};
