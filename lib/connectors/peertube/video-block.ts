/**
 * status.block: PeerTube's video block list ("blacklist" in the API). POST /api/v1/videos/{id}/blacklist
 * {reason?, unfederate?} blocks, DELETE unblocks; both answer 204. Only videos can be blocked: a comment can only
 * be deleted.
 *
 * The video is read first (GET /api/v1/videos/{id}), for two reasons:
 * - Idempotence: PeerTube inserts a block without looking for one, so blocking a blocked video fails on its unique
 *   index (a 500), and unblocking an unblocked one is a 404. When the video is already as asked (another moderator,
 *   or PeerTube's auto-block, got there first) nothing is sent.
 * - unfederate: local videos are blocked with unfederate=true, as PeerTube's own block dialog does by default, so
 *   other instances drop their copy too ("hidden from everyone but moderators"). It stays reversible: unblocking
 *   federates the video again. PeerTube refuses unfederate for a remote video (409), so it is left out there.
 */
import { AppError } from '../../errors';
import type { ActionResult, ConnectorAction } from '../types';
import { videoSchema } from './api-types';
import type { PeerTubeClient } from './client';
import { parseContentId } from './content-id';
import { charCount } from './moderation-comment';
import { parseRemote } from './parse';

// CONSTRAINTS_FIELDS.VIDEO_BLACKLIST.REASON in PeerTube's constants.ts (the OpenAPI documents no body for this route).
const REASON_MIN = 2;
const REASON_MAX = 300;

export async function blockVideo(client: PeerTubeClient, action: Extract<ConnectorAction, { kind: 'status.block' }>): Promise<ActionResult> {
  const content = parseContentId(action.statusId);
  if (content.kind !== 'video') {
    throw new AppError('unsupported', 'PeerTube can only block videos', {
      userMessage: 'Only videos can be blocked; delete the comment instead.',
    });
  }
  const reason = action.blocked ? blockReason(action.reason) : undefined;
  const path = `/api/v1/videos/${content.videoId}`;
  const video = parseRemote(videoSchema, await client.request('GET', path), 'video');
  // null (an older or unusual server did not say): send the request and let PeerTube answer.
  if (video.blacklisted === action.blocked) return { ok: true, remoteRef: action.statusId };
  if (action.blocked) {
    await client.request('POST', `${path}/blacklist`, { json: { reason, unfederate: video.isLocal === true ? true : undefined } });
  } else {
    await client.request('DELETE', `${path}/blacklist`);
  }
  return { ok: true, remoteRef: action.statusId };
}

/** The optional reason, refused rather than cut when PeerTube would reject it. */
function blockReason(raw: string | undefined): string | undefined {
  const reason = raw?.trim();
  if (!reason) return undefined;
  const n = charCount(reason);
  if (n > REASON_MAX || n < REASON_MIN) {
    throw new AppError('bad_request', `PeerTube block reason has ${n} characters`, {
      userMessage:
        n > REASON_MAX
          ? `PeerTube limits a block reason to ${REASON_MAX} characters; this one has ${n}. Shorten it. Nothing was changed.`
          : `PeerTube needs a block reason of at least ${REASON_MIN} characters, or none. Nothing was changed.`,
    });
  }
  return reason;
}
