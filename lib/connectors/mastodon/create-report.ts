/**
 * report.create on Mastodon: POST /api/v1/reports (docs.joinmastodon.org methods/reports), a user-API call made as
 * the connected admin account, so the token needs the write:reports scope besides its admin scopes. With
 * `forward`, Mastodon sends the report to a remote account's home server as an ActivityPub Flag.
 */
import { z } from 'zod';
import type { ActionResult } from '../types';
import { idSchema } from './api-types';
import type { MastodonClient } from './client';
import { parseRemote, safeId } from './parse-remote';

/** Mastodon refuses longer comments (Report::COMMENT_SIZE_LIMIT, 1000 by default). */
export const REPORT_COMMENT_LIMIT = 1000;

/** The Report entity: only its id is kept (the new report arrives with the next sync of the admin list). */
export const createdReportSchema = z.object({ id: idSchema });

export interface CreateReportInput {
  accountId: string;
  statusIds: string[];
  comment: string;
  forward: boolean;
}

export async function createReportMastodon(client: MastodonClient, input: CreateReportInput): Promise<ActionResult> {
  const res = await client.post('/api/v1/reports', {
    account_id: safeId(input.accountId),
    status_ids: input.statusIds.map(safeId),
    comment: input.comment.slice(0, REPORT_COMMENT_LIMIT),
    forward: input.forward,
    category: 'other',
  });
  return { ok: true, remoteRef: parseRemote(createdReportSchema, res.data, 'Report').id };
}
