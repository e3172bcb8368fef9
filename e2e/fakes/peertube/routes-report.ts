/**
 * Filing an abuse (POST /api/v1/abuses) and reading an account by handle (GET /api/v1/accounts/{name}), checked as
 * PeerTube's abuseReportValidator and controllers/api/abuse.ts do: reason 2-3000 characters, ids valid, the
 * subject must exist, one of video / comment / account is required, and a video's owner cannot report it. The
 * abuse is the token's user's (the admin account here). An abuse on a remote account's content is sent to that
 * account's instance as a Flag (send-flag.ts): the fake records it in state.flagsSent.
 */
import { str } from '../mastodon/http';
import { PREDEFINED_REASONS, type FakeAbuse, type FakeAccount } from './entities';
import { invalidParam, notFound, ProblemError, type Route } from './http';
import { serializeAccount } from './serialize';
import type { FakePeerTubeState } from './state';

const REASON = { min: 2, max: 3000 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isId = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 0) || (typeof v === 'string' && /^\d+$/.test(v));
const field = (v: unknown, key: string): unknown => (v && typeof v === 'object' && key in v ? Reflect.get(v, key) : undefined);

function reporter(state: FakePeerTubeState): FakeAccount {
  const me = [...state.accounts.values()].find((a) => a.name === state.auth.username && a.host === null);
  if (!me) throw new Error('fake peertube has no admin account');
  return me;
}

function validate(body: Record<string, unknown>): { videoId?: unknown; commentId?: unknown; accountId?: unknown; reasons: string[] } {
  const videoId = field(body.video, 'id');
  const commentId = field(body.comment, 'id');
  const accountId = field(body.account, 'id');
  if (accountId !== undefined && !isId(accountId)) throw invalidParam('account.id', accountId);
  if (videoId !== undefined && !isId(videoId) && !(typeof videoId === 'string' && UUID.test(videoId))) throw invalidParam('video.id', videoId);
  if (commentId !== undefined && !isId(commentId)) throw invalidParam('comment.id', commentId);
  const reason = body.reason;
  const length = typeof reason === 'string' ? Array.from(reason).length : -1;
  if (length < REASON.min || length > REASON.max) throw invalidParam('reason', reason);
  const reasons = body.predefinedReasons ?? [];
  if (!Array.isArray(reasons) || !reasons.every((r) => (PREDEFINED_REASONS as readonly unknown[]).includes(r))) throw invalidParam('predefinedReasons', reasons);
  return { videoId, commentId, accountId, reasons: reasons.map(String) };
}

export const reportRoutes: Route[] = [
  {
    method: 'POST', pattern: /^\/api\/v1\/abuses$/, auth: 'user',
    handler: ({ state, body }) => {
      const input = validate(body);
      const video = input.videoId === undefined ? undefined : [...state.videos.values()].find((v) => !v.deleted && (String(v.id) === String(input.videoId) || v.uuid === input.videoId));
      if (input.videoId !== undefined && !video) throw notFound('Video');
      const account = input.accountId === undefined ? undefined : state.accounts.get(Number(input.accountId));
      if (input.accountId !== undefined && !account) throw notFound('Account');
      const comment = input.commentId === undefined ? undefined : state.comments.get(Number(input.commentId));
      if (input.commentId !== undefined && (!comment || comment.deleted)) throw notFound('Video comment thread');
      if (!video && !account && !comment) throw new ProblemError(400, 'Bad Request', 'video id or account id or comment id is required.');
      const me = reporter(state);
      if (video && video.accountId === me.id) throw new ProblemError(403, 'Forbidden', 'You cannot report a video you own or collaborate on.');
      // The controller files the video first, then the comment, then the account.
      const flaggedId = video ? video.accountId : comment ? comment.accountId : account!.id;
      const createdAt = state.tick();
      const abuse: FakeAbuse = {
        id: state.nextId(), reason: String(body.reason), predefinedReasons: input.reasons, reporterId: me.id, flaggedId, state: 1,
        moderationComment: null, videoId: video?.id ?? null, commentId: video ? null : comment?.id ?? null, createdAt, updatedAt: createdAt,
      };
      state.abuses.set(abuse.id, abuse);
      const host = state.accounts.get(flaggedId)?.host;
      if (host) state.flagsSent.push({ abuseId: abuse.id, host, at: new Date().toISOString() });
      return { json: { abuse: { id: abuse.id } } };
    },
  },
  {
    // Public; "name" or "name@host", the local host naming a local account. Reads the fake's table only, never fetches.
    method: 'GET', pattern: /^\/api\/v1\/accounts\/([^/]+)$/,
    handler: ({ state, params }) => {
      const [name, rawHost] = decodeURIComponent(params[0]).split('@');
      const host = rawHost === undefined || rawHost === state.host ? null : rawHost;
      const found = [...state.accounts.values()].find((a) => a.name === str(name) && a.host === host);
      if (!found) throw notFound('Account');
      return { json: serializeAccount(state, found) };
    },
  },
];
