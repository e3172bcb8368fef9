/**
 * "Check again" for one instance of a run: a receipt round due now (a queued round is simply brought forward), the
 * run back to running if it had ended, the case back to purging, and the run's job woken. Re-checks add receipts;
 * they never change one.
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { canActOn } from '@/lib/auth/policy';
import { loadCaseForChange } from '@/lib/cases/case-access';
import { AppError } from '@/lib/errors';
import { enqueuePurgeRun } from '@/lib/jobs/enqueue';
import { moveCaseState } from './move-case-state';

const recheckInput = z.object({ runId: z.uuid(), instanceId: z.uuid() });

export async function recheckInstance({ ctx, input }: { ctx: Ctx; input: { runId: string; instanceId: string } }): Promise<void> {
  const parsed = recheckInput.safeParse(input);
  if (!parsed.success) throw new AppError('not_found', 'run or instance id is not a uuid');
  const { runId, instanceId } = parsed.data;
  const run = await db.purgeRun.findUnique({ where: { id: runId }, select: { caseId: true } });
  if (!run) throw new AppError('not_found', `purge run ${runId} not found`);
  await db.$transaction(async (tx) => {
    const { row } = await loadCaseForChange(tx, ctx.actor, run.caseId);
    if (!canActOn(ctx.actor, instanceId)) throw new AppError('forbidden', `cannot act on instance ${instanceId}`);
    if (row.state === 'closed') {
      throw new AppError('bad_request', `case ${run.caseId} is closed`, { userMessage: 'Reopen the case before checking it again.' });
    }
    const rounds = await tx.purgeCheck.findMany({ where: { runId, instanceId }, select: { id: true, round: true, status: true }, orderBy: { round: 'desc' } });
    const steps = await tx.purgeStep.count({ where: { runId, instanceId } });
    if (rounds.length === 0 && steps === 0) {
      throw new AppError('bad_request', `instance ${instanceId} is not part of run ${runId}`, { userMessage: 'This instance is not part of that purge.' });
    }
    const now = new Date();
    const queued = rounds.find((r) => r.status === 'queued');
    if (queued) await tx.purgeCheck.update({ where: { id: queued.id }, data: { dueAt: now } });
    else await tx.purgeCheck.create({ data: { runId, caseId: run.caseId, instanceId, round: (rounds[0]?.round ?? 0) + 1, dueAt: now } });
    await tx.purgeRun.updateMany({ where: { id: runId, state: 'done' }, data: { state: 'running', finishedAt: null } });
    await moveCaseState(tx, ctx.actor, run.caseId, row.state, 'purging', 'receipts checked again');
    await recordEvent(tx, { actor: ctx.actor, action: 'case.recheck_requested', targetType: 'case', targetId: run.caseId, instanceId, details: { runId, instanceId } });
  });
  await enqueuePurgeRun(runId);
}
