/** Entities → PeerTube API shapes (AdminAbuse, Account, Video, VideoBlacklist), including the malformed variants tests ask for. */
import type { FakeAbuse, FakeAccount, FakeVideo, FakeVideoBlock } from './entities';
import type { FakePeerTubeState } from './state';

const STATE_LABELS = { 1: 'Pending', 2: 'Rejected', 3: 'Accepted' } as const;

export function serializeAccount(state: FakePeerTubeState, a: FakeAccount): Record<string, unknown> {
  const host = a.host ?? state.host;
  return {
    id: a.id, name: a.name, host, displayName: a.displayName, url: `${state.baseUrl}/a/${a.name}${a.host ? `@${a.host}` : ''}`,
    avatars: [], createdAt: a.createdAt,
  };
}

export function serializeAbuse(state: FakePeerTubeState, r: FakeAbuse): Record<string, unknown> {
  const account = (id: number) => {
    const a = state.accounts.get(id);
    return a ? serializeAccount(state, a) : null;
  };
  const video = r.videoId === null ? null : state.videos.get(r.videoId);
  const comment = r.commentId === null ? null : state.comments.get(r.commentId);
  const commentVideo = comment ? state.videos.get(comment.videoId) : null;
  const out: Record<string, unknown> = {
    id: r.id, reason: r.reason, predefinedReasons: r.predefinedReasons,
    reporterAccount: account(r.reporterId), flaggedAccount: account(r.flaggedId),
    state: { id: r.state, label: STATE_LABELS[r.state] }, moderationComment: r.moderationComment,
    video: video ? {
      id: video.id, uuid: video.uuid, name: video.name, nsfw: video.nsfw, deleted: video.deleted, blacklisted: state.videoBlocks.has(video.id),
      thumbnailPath: `/lazy-static/thumbnails/${video.uuid}.jpg`, previewPath: `/lazy-static/previews/${video.uuid}.jpg`,
      startAt: null, endAt: null, countReports: 1, nthReport: 1,
    } : null,
    comment: comment && commentVideo ? {
      id: comment.id, threadId: comment.id, text: comment.text, deleted: comment.deleted,
      video: { id: commentVideo.id, uuid: commentVideo.uuid, name: commentVideo.name },
    } : null,
    createdAt: r.createdAt, updatedAt: r.updatedAt, countReportsForReporter: 1, countReportsForReportee: 1, countMessages: 0,
  };
  const malform = state.malformed.get(r.id);
  if (malform === 'missing_account') delete out.flaggedAccount;
  if (malform === 'bad_state') out.state = 'pending';
  return out;
}

/**
 * The Video shape (a subset of peertube-models' Video: what a moderation client reads). `details` adds the
 * VideoDetails extras GET /videos/{id} sends, among them blacklisted/blacklistedReason (blacklistInfo in PeerTube's
 * video-api-format.ts); the block list embeds the plain Video, without them.
 */
export function serializeVideo(state: FakePeerTubeState, v: FakeVideo, details = false): Record<string, unknown> {
  const owner = state.accounts.get(v.accountId);
  const out: Record<string, unknown> = {
    id: v.id, uuid: v.uuid, url: `${state.baseUrl}/videos/watch/${v.uuid}`, name: v.name, nsfw: v.nsfw,
    isLocal: state.isLocalVideo(v), privacy: { id: 1, label: 'Public' },
    thumbnailPath: `/lazy-static/thumbnails/${v.uuid}.jpg`, previewPath: `/lazy-static/previews/${v.uuid}.jpg`,
    account: owner ? serializeAccount(state, owner) : null,
  };
  if (details) {
    const block = state.videoBlocks.get(v.id);
    out.blacklisted = block !== undefined;
    out.blacklistedReason = block ? block.reason : null;
  }
  return out;
}

/** One entry of GET /videos/blacklist (VideoBlacklist in peertube-models). */
export function serializeVideoBlock(state: FakePeerTubeState, b: FakeVideoBlock): Record<string, unknown> | null {
  const v = state.videos.get(b.videoId);
  if (!v) return null;
  return {
    id: b.id, unfederated: b.unfederated, reason: b.reason ?? undefined, type: b.type,
    video: serializeVideo(state, v), createdAt: b.createdAt, updatedAt: b.updatedAt,
  };
}
