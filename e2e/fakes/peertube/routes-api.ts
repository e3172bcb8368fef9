/** Abuses, video and comment deletion, the video block list and the server block lists. */
import { str } from '../mastodon/http';
import { syntheticImage } from '../images';
import type { AbuseState } from './entities';
import { notFound, ProblemError, type Route } from './http';
import { serializeAbuse } from './serialize';
import type { FakePeerTubeState } from './state';

const NO_CONTENT = { status: 204 };

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
      const abuse = state.abuses.get(Number(params[0]));
      if (!abuse) throw notFound('Abuse');
      if (body.state !== undefined) {
        if (![1, 2, 3].includes(Number(body.state))) throw new ProblemError(400, 'Bad Request', 'Incorrect request parameters: state', { 'invalid-params': { state: { msg: 'Invalid value' } } });
        abuse.state = Number(body.state) as AbuseState;
      }
      if (typeof body.moderationComment === 'string') abuse.moderationComment = body.moderationComment;
      abuse.updatedAt = new Date().toISOString();
      return NO_CONTENT;
    },
  },
  {
    method: 'DELETE', pattern: /^\/api\/v1\/videos\/([\w-]+)$/, auth: 'staff',
    handler: ({ state, params }) => {
      video(state, params[0]).deleted = true;
      return NO_CONTENT;
    },
  },
  {
    method: 'POST', pattern: /^\/api\/v1\/videos\/([\w-]+)\/blacklist$/, auth: 'staff',
    handler: ({ state, params }) => {
      video(state, params[0]).blacklisted = true;
      return NO_CONTENT;
    },
  },
  {
    method: 'DELETE', pattern: /^\/api\/v1\/videos\/([\w-]+)\/comments\/(\d+)$/, auth: 'staff',
    handler: ({ state, params }) => {
      const v = video(state, params[0]);
      const c = state.comments.get(Number(params[1]));
      if (!c || c.videoId !== v.id || c.deleted) throw notFound('Video comment');
      c.deleted = true;
      return NO_CONTENT;
    },
  },
  {
    method: 'POST', pattern: /^\/api\/v1\/server\/blocklist\/accounts$/, auth: 'staff',
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
  {
    method: 'POST', pattern: /^\/api\/v1\/server\/blocklist\/servers$/, auth: 'staff',
    handler: ({ state, body }) => {
      const host = str(body.host) ?? '';
      if (!host) throw new ProblemError(400, 'Bad Request', 'Incorrect request parameters: host');
      if (host === state.host) throw new ProblemError(409, 'Conflict', 'You cannot mute your own server.');
      if (state.blockedServers.has(host)) throw new ProblemError(409, 'Conflict', 'You already muted this server.');
      state.blockedServers.add(host);
      return NO_CONTENT;
    },
  },
  {
    method: 'GET', pattern: /^\/lazy-static\/(thumbnails|previews)\/([\w-]+)\.jpg$/,
    handler: async ({ state, params }) => {
      const v = [...state.videos.values()].find((x) => x.uuid === params[1]);
      if (!v) throw notFound('File');
      // Thumbnails and previews of one video differ in size, so they hash differently, as on a real instance.
      const size = params[0] === 'thumbnails' ? { width: 280, height: 157 } : { width: 560, height: 315 };
      return { body: await syntheticImage(v.imageSeed, { ...size, format: 'jpeg' }), contentType: 'image/jpeg' };
    },
  },
];
