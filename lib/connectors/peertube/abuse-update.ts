/**
 * Abuse writes (PUT /api/v1/abuses/{id} {state?, moderationComment?}, 204). Resolve, reject and reopen set the state;
 * a resolution comment or a note is appended to the abuse's single moderation comment (moderation-comment.ts),
 * after reading it with the same GET /abuses?id= the listing uses.
 */
import { AppError } from '../../errors';
import { safeId } from '../shared/parse-remote';
import { writableOrNull } from '../shared/report-items';
import type { ActionResult, RemoteReport } from '../types';
import type { PeerTubeClient } from './client';
import { ABUSES, fetchAbuse } from './list-reports';
import { ABUSE_STATE, mapAbuse } from './mapper';
import { appendToComment } from './moderation-comment';

type AbuseStateId = (typeof ABUSE_STATE)[keyof typeof ABUSE_STATE];

export async function updateAbuse(client: PeerTubeClient, reportId: string, change: { state?: AbuseStateId; text?: string }): Promise<ActionResult> {
  const id = safeId(reportId);
  const text = change.text?.trim();
  if (!text) {
    if (change.state === undefined) throw new AppError('bad_request', 'Empty PeerTube note', { userMessage: 'Write the note first.' });
    // No comment: the moderation comment is left out of the body, so PeerTube keeps it as it is.
    await client.request('PUT', `${ABUSES}/${id}`, { json: { state: change.state } });
    return { ok: true, remoteRef: id };
  }
  // Read, then write the whole text back: PeerTube has no append. A comment saved in PeerTube between the two
  // calls would be overwritten; the window is one round trip.
  const abuse = await fetchAbuse(client, id);
  const moderationComment = appendToComment(abuse.moderationComment, text); // throws, before any write, when too long
  const body: { state?: AbuseStateId; moderationComment?: string } = {};
  if (change.state !== undefined) body.state = change.state;
  if (moderationComment !== null) body.moderationComment = moderationComment;
  if (Object.keys(body).length > 0) await client.request('PUT', `${ABUSES}/${id}`, { json: body });
  // The fresh report carries the comment as a note: the sync only re-reads open reports, so a resolved one would
  // otherwise never show what was just written.
  return { ok: true, remoteRef: id, report: await freshReport(client, id) };
}

async function freshReport(client: PeerTubeClient, id: string): Promise<RemoteReport | null> {
  try {
    return writableOrNull(mapAbuse(await fetchAbuse(client, id), client.baseUrl));
  } catch {
    // The write has landed: a failed courtesy read must not fail the action, or the queue would retry the write.
    return null;
  }
}
