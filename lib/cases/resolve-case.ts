/**
 * Resolves a case: closes it and, if asked, resolves its linked open reports on their servers through the outbox
 * (lib/actions/request-action.ts 'report.resolve', one per report the actor may act on; the others are listed as
 * skipped). The actions are requested first, each in its own audited transaction, so the 'case.resolved' event
 * (in the same transaction as the close) can name them.
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { requestAction } from '@/lib/actions/request-action';
import { canRequestAction } from '@/lib/auth/policy';
import { AppError, isAppError } from '@/lib/errors';
import { loadCaseForChange } from './case-access';
import { parseCaseId } from './case-id';
import { changeState } from './set-case-state';

const resolveInput = z.object({ resolveReports: z.boolean(), comment: z.string().trim().max(5000).optional() });

export interface ResolveCaseResult { actionIds: string[]; skipped: { reportId: string; reason: string }[] }

export async function resolveCase({ ctx, input }: { ctx: Ctx; input: { caseId: string; resolveReports: boolean; comment?: string } }): Promise<ResolveCaseResult> {
  const caseId = parseCaseId(input.caseId);
  const parsed = resolveInput.safeParse({ resolveReports: input.resolveReports, comment: input.comment });
  if (!parsed.success) throw new AppError('bad_request', 'invalid resolve input');
  // Checked before any action is requested: a case the actor cannot change resolves nothing.
  const current = await db.$transaction(async (tx) => (await loadCaseForChange(tx, ctx.actor, caseId)).row);
  if (current.state !== 'open') throw new AppError('bad_request', `case ${caseId} is ${current.state}`, { userMessage: 'Only an open case can be resolved.' });
  const actionIds: string[] = [];
  const skipped: ResolveCaseResult['skipped'] = [];
  if (parsed.data.resolveReports) {
    const links = await db.caseReport.findMany({ where: { caseId, report: { status: 'open' } }, select: { report: { select: { id: true, instanceId: true } } }, orderBy: { linkedAt: 'asc' } });
    for (const { report } of links) {
      if (!canRequestAction(ctx.actor, report.instanceId, 'report.resolve')) {
        skipped.push({ reportId: report.id, reason: 'not allowed on this instance' });
        continue;
      }
      try {
        const out = await requestAction({ ctx, input: { reportId: report.id, action: { kind: 'report.resolve', comment: parsed.data.comment } } });
        actionIds.push(out.actionId);
      } catch (e) {
        skipped.push({ reportId: report.id, reason: isAppError(e) ? e.userMessage : 'could not be requested' });
      }
    }
  }
  await db.$transaction(async (tx) => {
    await changeState(tx, ctx, caseId, 'closed', parsed.data.comment ?? 'resolved');
    await recordEvent(tx, { actor: ctx.actor, action: 'case.resolved', targetType: 'case', targetId: caseId, details: { resolveReports: parsed.data.resolveReports, actionIds, skipped } });
  });
  return { actionIds, skipped };
}
