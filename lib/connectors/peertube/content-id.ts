/**
 * Ids of reported content, as mapper.ts builds them: "video-<id>" or "comment-<videoId>-<commentId>". PeerTube acts
 * on videos and comments through different endpoints, so the kind travels in the id.
 */
import { AppError } from '../../errors';

export type ContentId = { kind: 'video'; videoId: string } | { kind: 'comment'; videoId: string; commentId: string };

export function parseContentId(statusId: string): ContentId {
  const video = /^video-([A-Za-z0-9_]{1,64})$/.exec(statusId);
  if (video) return { kind: 'video', videoId: video[1] };
  const comment = /^comment-([A-Za-z0-9_]{1,64})-(\d{1,20})$/.exec(statusId);
  if (comment) return { kind: 'comment', videoId: comment[1], commentId: comment[2] };
  throw new AppError('bad_request', 'Invalid PeerTube content id', { userMessage: 'That video or comment id is not valid.' });
}
