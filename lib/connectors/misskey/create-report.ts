/**
 * report.create on Misskey: users/report-abuse {userId, comment} as the connected account. Misskey reports name no
 * notes, so the notes' local URLs go into the comment the way Misskey's own "Report" menu writes them (the report
 * list reads them back out of the comment, note-links.ts). The endpoint answers 204 without the report's id, so
 * for a forward the report is looked up again (newest first) and sent on with admin/forward-abuse-user-report.
 */
import { z } from 'zod';
import { AppError } from '../../errors';
import type { ActionResult } from '../types';
import { reportSchema, type MisskeyReport } from './api-types';
import type { MisskeyClient } from './client';
import { safeId } from './parse-remote';

/** users/report-abuse paramDef: comment minLength 1, maxLength 2048 (code points, as ajv counts them). */
export const REPORT_COMMENT_MAX = 2048;

export interface CreateReportInput {
  accountId: string;
  statusIds: string[];
  comment: string;
  forward: boolean;
}

export async function createMisskeyReport(client: MisskeyClient, input: CreateReportInput): Promise<ActionResult> {
  const userId = safeId(input.accountId);
  const comment = reportComment(client.baseUrl, input.comment, input.statusIds.map(safeId));
  // A void endpoint: anything but an empty answer means this is not the endpoint we think it is.
  const answer = await client.call('users/report-abuse', { userId, comment });
  if (!z.null().safeParse(answer).success) {
    throw new AppError('remote_error', 'Misskey users/report-abuse answered with a body', {
      userMessage: 'The instance answered the report in a way this dashboard does not know; check its reports before trying again.',
    });
  }
  if (!input.forward) return { ok: true, remoteRef: null };
  return forwardCreated(client, userId, comment);
}

function reportComment(baseUrl: string, text: string, noteIds: string[]): string {
  const body = text.trim();
  if (!body) throw new AppError('bad_request', 'Misskey report.create needs a comment', { userMessage: 'Write why you report this: the comment is empty.' });
  const comment = [body, ...noteIds.map((id) => `Note: ${baseUrl}/notes/${id}`)].join('\n');
  const length = [...comment].length;
  if (length > REPORT_COMMENT_MAX) {
    throw new AppError('bad_request', `Misskey report comment would be ${length} characters`, {
      userMessage: `Misskey takes at most ${REPORT_COMMENT_MAX} characters per report, and this one would be ${length}. Shorten it.`,
    });
  }
  return comment;
}

/**
 * Misskey forwards only reports about remote users (AbuseReportService.forward refuses a local target), so the
 * report is sought among remote targets first. Found only among all reports: the user is local, this server is
 * their home and the report already reached the right moderators.
 */
async function forwardCreated(client: MisskeyClient, userId: string, comment: string): Promise<ActionResult> {
  const remote = await newestMatch(client, { targetUserOrigin: 'remote' }, userId, comment);
  if (remote) {
    // The report is brand new; only someone forwarding it in the same instant makes it forwarded already.
    if (!remote.forwarded) await client.call('admin/forward-abuse-user-report', { reportId: remote.id });
    return { ok: true, remoteRef: remote.id };
  }
  const local = await newestMatch(client, {}, userId, comment);
  if (local) return { ok: true, remoteRef: local.id };
  throw new AppError('remote_error', 'Misskey report was created but not found in the report list', {
    userMessage: 'Misskey took the report but this dashboard could not find it to forward it. Forward it from Misskey\'s control panel; do not report again.',
  });
}

async function newestMatch(client: MisskeyClient, filter: Record<string, unknown>, userId: string, comment: string): Promise<MisskeyReport | null> {
  const raw = await client.call('admin/abuse-user-reports', { ...filter, state: 'unresolved', limit: 100 }, { read: true });
  const list = z.array(z.unknown()).safeParse(raw);
  if (!list.success) {
    throw new AppError('remote_error', 'Misskey report list is not an array', { userMessage: 'The instance returned a report list this dashboard cannot read.' });
  }
  for (const item of list.data) {
    const parsed = reportSchema.safeParse(item);
    if (parsed.success && parsed.data.targetUser.id === userId && parsed.data.comment === comment) return parsed.data;
  }
  return null;
}
