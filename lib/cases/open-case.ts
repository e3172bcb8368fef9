/**
 * "Open case" from a report or a media item (UI, CLI). Moderator+ who can act on the item's instance. If the item
 * already belongs to an open or purging case, that case is returned (created: false) and nothing is written.
 */
import { z } from 'zod';
import type { Ctx } from '@/lib/audit/actor';
import { canActOn, canSeeInstance, hasRole } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { createCase } from './create-case';
import { subjectFromMedia, subjectFromReport } from './case-subject';

export const openCaseInput = z.object({
  reportId: z.uuid().optional(),
  mediaId: z.uuid().optional(),
  title: z.string().trim().min(1).max(200).optional(),
  via: z.enum(['report', 'media', 'cli']).optional(),
}).refine((v) => (v.reportId === undefined) !== (v.mediaId === undefined), { message: 'Give exactly one of reportId and mediaId.' });
export type OpenCaseInput = z.input<typeof openCaseInput>;

export async function openCase({ ctx, input }: { ctx: Ctx; input: OpenCaseInput }): Promise<{ caseId: string; number: number; created: boolean }> {
  const parsed = openCaseInput.safeParse(input);
  if (!parsed.success) throw new AppError('bad_request', `open case: ${parsed.error.message}`, { userMessage: 'Give exactly one report or media item.' });
  if (!hasRole(ctx.actor, 'moderator')) throw new AppError('forbidden', 'opening a case needs moderator');
  const { reportId, mediaId, title } = parsed.data;
  const subject = reportId ? await subjectFromReport(reportId) : await subjectFromMedia(mediaId ?? '');
  // Invisible reads as absent, like every other lookup by id.
  if (!canSeeInstance(ctx.actor, subject.instanceId)) throw new AppError('not_found', 'case subject not visible');
  if (!canActOn(ctx.actor, subject.instanceId)) throw new AppError('forbidden', 'cannot act on the instance');
  const via = parsed.data.via ?? (reportId ? 'report' : 'media');
  return createCase(ctx.actor, subject, { via, title });
}
