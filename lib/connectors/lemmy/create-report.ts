/**
 * report.create on Lemmy: POST {v3|v4}/post/report {post_id, reason} or /comment/report {comment_id, reason}, as
 * the connected account. Lemmy reports a post or comment, never an account alone, and one per call. There is no
 * forward: Lemmy itself sends a report on a remote community's post to that community's instance.
 */
import { z } from 'zod';
import { AppError } from '../../errors';
import type { ActionResult } from '../types';
import type { LemmyClient } from './client';
import { parseRemote } from './parse';
import { parseTypedId } from './report-types';

/** check_report_reason (lemmy crates/utils): empty → report_reason_required, over 1000 characters → report_too_long. */
export const REPORT_REASON_MAX = 1000;

const postAnswer = z.object({ post_report_view: z.object({ post_report: z.object({ id: z.number().int() }) }) });
const commentAnswer = z.object({ comment_report_view: z.object({ comment_report: z.object({ id: z.number().int() }) }) });

export interface CreateReportInput {
  statusIds: string[];
  comment: string;
}

export async function createLemmyReport(client: LemmyClient, input: CreateReportInput): Promise<ActionResult> {
  const target = onePostOrComment(input.statusIds);
  const reason = checkReason(input.comment);
  // 1.0 routes a report flagged as breaking instance rules to the admins as well as the community's moderators;
  // material reported from this dashboard breaks every instance's rules. 0.19 has no such field.
  const extra = client.api === 'v4' ? { violates_instance_rules: true } : {};
  if (target.kind === 'post') {
    const data = await client.request('POST', `${client.prefix}/post/report`, { json: { post_id: target.id, reason, ...extra } });
    return { ok: true, remoteRef: `post:${parseRemote(postAnswer, data, 'post report').post_report_view.post_report.id}` };
  }
  const data = await client.request('POST', `${client.prefix}/comment/report`, { json: { comment_id: target.id, reason, ...extra } });
  return { ok: true, remoteRef: `comment:${parseRemote(commentAnswer, data, 'comment report').comment_report_view.comment_report.id}` };
}

function onePostOrComment(statusIds: string[]): { kind: 'post' | 'comment'; id: number } {
  const ids = [...new Set(statusIds)];
  if (ids.length === 0) {
    throw new AppError('bad_request', 'Lemmy report.create needs a post or comment', {
      userMessage: 'Lemmy reports a post or comment, not an account alone: this copy has no post on the server.',
    });
  }
  if (ids.length > 1) {
    throw new AppError('bad_request', 'Lemmy report.create takes one post or comment', { userMessage: 'Lemmy reports one post or comment at a time.' });
  }
  const { kind, id } = parseTypedId(ids[0], ['post', 'comment']);
  return { kind: kind === 'comment' ? 'comment' : 'post', id };
}

function checkReason(comment: string): string {
  const reason = comment.trim();
  if (!reason) throw new AppError('bad_request', 'Lemmy report.create needs a reason', { userMessage: 'Write why you report this: the reason is empty.' });
  const length = [...reason].length;
  if (length > REPORT_REASON_MAX) {
    throw new AppError('bad_request', `Lemmy report reason would be ${length} characters`, {
      userMessage: `Lemmy takes at most ${REPORT_REASON_MAX} characters of report reason, and this one is ${length}. Shorten it.`,
    });
  }
  return reason;
}
