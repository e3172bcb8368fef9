/**
 * report.create on GoToSocial: POST /api/v1/reports, the Mastodon-compatible user API (swagger reportCreate), made
 * as the connected admin account (scope write:reports, which the `write` scope holds). With `forward`, GoToSocial
 * sends the report to a remote account's instance as an ActivityPub Flag.
 */
import type { ActionResult } from '../types';
import { createdReportSchema, REPORT_COMMENT_LIMIT, type CreateReportInput } from '../mastodon/create-report';
import type { GoToSocialClient } from './client';
import { parseRemote, safeId } from './parse-remote';

export async function createReportGoToSocial(client: GoToSocialClient, input: CreateReportInput): Promise<ActionResult> {
  const res = await client.post('/api/v1/reports', {
    account_id: safeId(input.accountId),
    status_ids: input.statusIds.map(safeId),
    comment: input.comment.slice(0, REPORT_COMMENT_LIMIT),
    forward: input.forward,
    category: 'other',
  });
  return { ok: true, remoteRef: parseRemote(createdReportSchema, res.data, 'report').id };
}
