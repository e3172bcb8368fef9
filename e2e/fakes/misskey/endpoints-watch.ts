/**
 * Watch-list reads (issue 14): notes/global-timeline, notes/local-timeline, notes/search-by-tag and notes/search,
 * serving the fake's public notes with Misskey's paging (misskey-dev/misskey makePaginationQuery): untilId and no
 * cursor → newest first; sinceId alone → the oldest `limit` notes after it, ascending; limit 1-100 (default 10).
 * The role policies behind each endpoint are state.watch switches. Reads are not recorded (only writes are).
 */
import type { Endpoint, EndpointCtx } from './endpoint-types';
import type { FakeNote } from './entities';
import { errors, MisskeyApiError, str } from './http';
import { packNote } from './serialize';

const DISABLED = {
  gtl: () => new MisskeyApiError(400, 'GTL_DISABLED', 'Global timeline has been disabled.', '0332fc13-6ab2-4427-ae80-a9fadffd1a6b'),
  ltl: () => new MisskeyApiError(400, 'LTL_DISABLED', 'Local timeline has been disabled.', '45a6eb02-7695-4393-b023-dd3be9aaaefd'),
  search: () => new MisskeyApiError(400, 'UNAVAILABLE', 'Search of notes unavailable.', '0b44998d-77aa-4427-80d0-d2c9b8523011'),
};

function page({ state, body }: EndpointCtx, filter: (n: FakeNote) => boolean): unknown[] {
  // These endpoints need no credential, but ApiCallService authenticates a token that is sent before anything else.
  if (body.i !== undefined && body.i !== state.auth.token) throw errors.authenticationFailed();
  const limit = body.limit === undefined ? 10 : Number(body.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw errors.invalidParam('limit');
  const sinceId = str(body.sinceId);
  const untilId = str(body.untilId);
  let notes = [...state.notes.values()].filter((n) => n.visibility === 'public' && filter(n));
  if (sinceId) notes = notes.filter((n) => n.id > sinceId);
  if (untilId) notes = notes.filter((n) => n.id < untilId);
  const ascending = Boolean(sinceId && !untilId);
  notes.sort((a, b) => (a.id < b.id ? (ascending ? -1 : 1) : a.id > b.id ? (ascending ? 1 : -1) : 0));
  return notes.slice(0, limit).map((n) => {
    const packed: Record<string, unknown> = packNote(state, n);
    // A note's `user` is a UserLite: no createdAt, no suspension or role flags (leaner than notes/show's UserDetailed here).
    if (packed.user && typeof packed.user === 'object') {
      const { createdAt: _c, isSuspended: _s, isModerator: _m, isAdmin: _a, ...lite } = packed.user as Record<string, unknown>;
      packed.user = lite;
    }
    if (n.malformed) {
      packed.createdAt = 'not a date';
      delete packed.user;
    }
    return packed;
  });
}

const isLocal = (ctx: EndpointCtx, n: FakeNote) => ctx.state.users.get(n.userId)?.host === null;
const words = (n: FakeNote) => `${n.text ?? ''}\n${n.cw ?? ''}`.toLowerCase();

export const watchEndpoints: Record<string, Endpoint> = {
  'notes/global-timeline': {
    handler: (ctx) => {
      if (!ctx.state.watch.gtl) throw DISABLED.gtl();
      return page(ctx, () => true);
    },
  },
  'notes/local-timeline': {
    handler: (ctx) => {
      if (!ctx.state.watch.ltl) throw DISABLED.ltl();
      return page(ctx, (n) => isLocal(ctx, n));
    },
  },
  'notes/search-by-tag': {
    handler: (ctx) => {
      const tag = str(ctx.body.tag)?.toLowerCase();
      if (!tag) throw errors.invalidParam('tag');
      return page(ctx, (n) => (n.tags ?? []).some((t) => t.toLowerCase() === tag));
    },
  },
  'notes/search': {
    handler: (ctx) => {
      if (!ctx.state.watch.search) throw DISABLED.search();
      const query = str(ctx.body.query)?.toLowerCase();
      if (!query) throw errors.invalidParam('query');
      return page(ctx, (n) => words(n).includes(query));
    },
  },
};
