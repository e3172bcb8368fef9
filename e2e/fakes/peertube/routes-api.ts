/** Abuses, video and comment deletion, the video block list and the server block lists (static files: routes-media.ts). */
import { str } from '../mastodon/http';
import type { AbuseState } from './entities';
import { invalidParam, notFound, ProblemError, type Route } from './http';
import { serializeAbuse, serializeVideo, serializeVideoBlock } from './serialize';
import type { FakePeerTubeState } from './state';
import { serverBlocklistRoutes } from './routes-server-blocklist';

const NO_CONTENT = { status: 204 };

// CONSTRAINTS_FIELDS in PeerTube's initializers/constants.ts (the OpenAPI repeats the first as minLength/maxLength).
const MODERATION_COMMENT = { min: 2, max: 3000 };
const BLOCK_REASON = { min: 2, max: 300 };
// SORTABLE_COLUMNS.BLACKLISTS; the list's default sort is -id (setBlacklistSort) (verify).
const BLOCK_SORTS = ['id', 'name', 'duration', 'views', 'likes', 'dislikes', 'uuid', 'createdAt'];

/**
 * validator.js isLength on a string. Counted in code points, as the PostgreSQL varchar column behind it counts
 * (isLength also discounts emoji variation selectors; the fake does not model that).
 */
function lengthOk(v: unknown, range: { min: number; max: number }): boolean {
  if (typeof v !== 'string') return false;
  const n = Array.from(v).length;
  return n >= range.min && n <= range.max;
}

/** PeerTube's toBooleanOrNull then isBooleanValid: true/false, as JSON booleans or strings. */
function bool(v: unknown): boolean | null {
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  return null;
}

function num(v: unknown, fallback: number): number {
  const n = Number(str(v));
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

function video(state: FakePeerTubeState, idOrUuid: string) {
  const v = [...state.videos.values()].find((x) => String(x.id) === idOrUuid || x.uuid === idOrUuid);
  if (!v || v.deleted) throw notFound('Video');
  return v;
}

export const apiRoutes: Route[] = [
  { method: 'GET', pattern: /^\/api\/v1\/config$/, handler: ({ state }) => ({ json: { serverVersion: state.version, instance: { name: state.name } } }) },
  {
    method: 'GET', pattern: /^\/api\/v1\/abuses$/, auth: 'staff',
    handler: ({ state, query }) => {
      let list = [...state.abuses.values()];
      if (query.id !== undefined) list = list.filter((a) => String(a.id) === str(query.id));
      if (query.state !== undefined) list = list.filter((a) => String(a.state) === str(query.state));
      const asc = str(query.sort) === 'createdAt';
      list.sort((a, b) => (asc ? 1 : -1) * (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id - b.id));
      const start = num(query.start, 0);
      const count = Math.min(100, num(query.count, 15));
      return { json: { total: list.length, data: list.slice(start, start + count).map((a) => serializeAbuse(state, a)) } };
    },
  },
  {
    method: 'PUT', pattern: /^\/api\/v1\/abuses\/(\d+)$/, auth: 'staff',
    handler: ({ state, params, body }) => {
      // abuseUpdateValidator: the body is validated before the abuse is looked up.
      if (body.state !== undefined && ![1, 2, 3].includes(Number(body.state))) throw invalidParam('state', body.state);
      if (body.moderationComment !== undefined && !lengthOk(body.moderationComment, MODERATION_COMMENT)) {
        throw invalidParam('moderationComment', body.moderationComment);
      }
      const abuse = state.abuses.get(Number(params[0]));
      if (!abuse) throw notFound('Abuse');
      if (body.state !== undefined) abuse.state = Number(body.state) as AbuseState;
      // A PUT replaces the comment: appending is the client's job.
      if (typeof body.moderationComment === 'string') abuse.moderationComment = body.moderationComment;
      abuse.updatedAt = new Date().toISOString();
      return NO_CONTENT;
    },
  },
  {
    // Before /videos/{id}: "blacklist" would otherwise match as a video id.
    method: 'GET', pattern: /^\/api\/v1\/videos\/blacklist$/, auth: 'staff',
    handler: ({ state, query }) => {
      const type = query.type === undefined ? undefined : Number(str(query.type));
      if (type !== undefined && ![1, 2, 3].includes(type)) {
        throw invalidParam('type', query.type, 'query', 'Should have a valid video blacklist type attribute');
      }
      const search = str(query.search);
      if (query.search !== undefined && !search) throw invalidParam('search', query.search, 'query', 'Should have a valid search');
      const sort = str(query.sort) ?? '-id';
      const column = sort.replace(/^-/, '');
      if (!BLOCK_SORTS.includes(column)) throw invalidParam('sort', query.sort, 'query', 'Should have correct sortable column');
      let list = [...state.videoBlocks.values()].filter((b) => {
        const v = state.videos.get(b.videoId);
        return v && !v.deleted && (type === undefined || b.type === type) && (!search || v.name.toLowerCase().includes(search.toLowerCase()));
      });
      const key = (b: (typeof list)[number]): string | number => {
        const v = state.videos.get(b.videoId)!;
        return column === 'name' ? v.name : column === 'uuid' ? v.uuid : column === 'createdAt' ? b.createdAt : b.id;
      };
      const dir = sort.startsWith('-') ? -1 : 1;
      list = list.sort((a, b) => dir * (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id));
      const start = num(query.start, 0);
      const count = Math.min(100, num(query.count, 15));
      return { json: { total: list.length, data: list.slice(start, start + count).map((b) => serializeVideoBlock(state, b)) } };
    },
  },
  {
    // Public, but a blocked video is shown only to moderators (verify the 403 text).
    method: 'GET', pattern: /^\/api\/v1\/videos\/([\w-]+)$/, auth: 'optional',
    handler: ({ state, params, viewer }) => {
      const v = video(state, params[0]);
      if (state.videoBlocks.has(v.id) && viewer !== 'staff') {
        throw new ProblemError(403, 'Forbidden', 'Cannot fetch information of private/internal/blocked video');
      }
      return { json: serializeVideo(state, v, true) };
    },
  },
  {
    method: 'DELETE', pattern: /^\/api\/v1\/videos\/([\w-]+)$/, auth: 'staff', destructive: true,
    handler: ({ state, params }) => {
      const v = video(state, params[0]);
      v.deleted = true;
      state.videoBlocks.delete(v.id); // the block row goes with the video (ON DELETE CASCADE)
      return NO_CONTENT;
    },
  },
  {
    // Body per videosBlacklistAddValidator / VideoBlacklistCreate: reason?, unfederate? (the OpenAPI lists no body).
    method: 'POST', pattern: /^\/api\/v1\/videos\/([\w-]+)\/blacklist$/, auth: 'staff', destructive: true,
    handler: ({ state, params, body }) => {
      if (body.unfederate !== undefined && bool(body.unfederate) === null) {
        throw invalidParam('unfederate', body.unfederate, 'body', 'Should have a valid unfederate boolean');
      }
      if (body.reason !== undefined && !lengthOk(body.reason, BLOCK_REASON)) throw invalidParam('reason', body.reason);
      const v = video(state, params[0]);
      const unfederate = bool(body.unfederate) === true;
      if (unfederate && !state.isLocalVideo(v)) throw new ProblemError(409, 'Conflict', 'You cannot unfederate a remote video.');
      if (state.videoBlocks.has(v.id)) {
        // PeerTube inserts without looking first; the unique index on videoId fails and the generic error handler
        // answers 500 with the database error's message (verify).
        throw new ProblemError(500, 'Internal Server Error', 'Validation error');
      }
      state.blockVideo(v.id, { reason: str(body.reason) ?? null, unfederated: unfederate, type: 1 });
      return NO_CONTENT;
    },
  },
  {
    method: 'DELETE', pattern: /^\/api\/v1\/videos\/([\w-]+)\/blacklist$/, auth: 'staff',
    handler: ({ state, params }) => {
      const v = video(state, params[0]);
      if (!state.videoBlocks.delete(v.id)) throw new ProblemError(404, 'Not Found', 'Blacklisted video not found');
      return NO_CONTENT;
    },
  },
  {
    method: 'DELETE', pattern: /^\/api\/v1\/videos\/([\w-]+)\/comments\/(\d+)$/, auth: 'staff', destructive: true,
    handler: ({ state, params }) => {
      const v = video(state, params[0]);
      const c = state.comments.get(Number(params[1]));
      if (!c || c.videoId !== v.id || c.deleted) throw notFound('Video comment');
      c.deleted = true;
      return NO_CONTENT;
    },
  },
  {
    method: 'POST', pattern: /^\/api\/v1\/server\/blocklist\/accounts$/, auth: 'staff', destructive: true,
    handler: ({ state, body }) => {
      const name = str(body.accountName) ?? '';
      const [user, host] = name.split('@');
      const known = [...state.accounts.values()].some((a) => a.name === user && (a.host ?? state.host) === (host ?? state.host));
      if (!known) throw notFound('Account');
      if (state.blockedAccounts.has(name)) throw new ProblemError(409, 'Conflict', 'You already muted this account.');
      state.blockedAccounts.add(name);
      return NO_CONTENT;
    },
  },
  {
    method: 'DELETE', pattern: /^\/api\/v1\/server\/blocklist\/accounts\/([^/]+)$/, auth: 'staff',
    handler: ({ state, params }) => {
      const name = decodeURIComponent(params[0]);
      if (!state.blockedAccounts.delete(name)) throw notFound('Account block');
      return NO_CONTENT;
    },
  },
  ...serverBlocklistRoutes,
];
