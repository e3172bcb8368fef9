/**
 * report.create on Pleroma/Akkoma: POST /api/v1/reports (Mastodon-compatible ReportController, scope write:reports),
 * made as the connected admin account. Pleroma finds the account by its FlakeId only (CommonAPI.report →
 * User.get_cached_by_id), while this connector names accounts by nickname (mapper.ts), so the id is read first from
 * the admin user list, which searches this server's own users table and never fetches from another server.
 * With `forward`, Akkoma sends the Flag to a remote account's server.
 */
import { z } from 'zod';
import { AppError } from '../../errors';
import type { ActionResult } from '../types';
import { idSchema } from '../mastodon/api-types';
import { adminUserListSchema, adminUserSchema } from './api-types';
import { ADMIN, type AkkomaClient } from './client';
import { parseRemote, safeId, safeNickname } from './parse';

const createdSchema = z.object({ id: idSchema });

export interface CreateReportInput {
  accountId: string;
  statusIds: string[];
  comment: string;
  forward: boolean;
}

export async function createReportAkkoma(client: AkkomaClient, input: CreateReportInput): Promise<ActionResult> {
  const accountId = await flakeIdOf(client, safeNickname(input.accountId));
  const data = await client.request('POST', '/api/v1/reports', {
    json: { account_id: accountId, status_ids: input.statusIds.map(safeId), comment: input.comment, forward: input.forward },
  });
  return { ok: true, remoteRef: parseRemote(createdSchema, data, 'report').id };
}

async function flakeIdOf(client: AkkomaClient, nickname: string): Promise<string> {
  const list = parseRemote(adminUserListSchema, await client.request('GET', `${ADMIN}/users`, { query: { query: nickname, page: 1, page_size: 50 } }), 'user list');
  const wanted = nickname.toLowerCase();
  for (const raw of list.users) {
    const user = adminUserSchema.safeParse(raw);
    if (user.success && (user.data.nickname.toLowerCase() === wanted || user.data.id === nickname)) return user.data.id;
  }
  throw new AppError('not_found', `Akkoma has no user ${nickname}`, {
    userMessage: `Akkoma does not know the account ${nickname} any more, so no report can be opened about it.`,
  });
}
