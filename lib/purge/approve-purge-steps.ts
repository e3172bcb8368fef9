/**
 * An admin approves a run's steps that wait for one (account deletions a moderator confirmed): they become
 * waiting, the approval is audited on the case, and the run is queued to carry them out.
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import { actorId, type Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, canActOn, hasRole } from '@/lib/auth/policy';
import { lockCaseRow } from '@/lib/cases/case-access';
import { AppError } from '@/lib/errors';
import { enqueuePurgeRun } from '@/lib/jobs/enqueue';

export async function approvePurgeSteps({ ctx, input }: { ctx: Ctx; input: { runId: string } }): Promise<{ approved: number }> {
  const runId = z.uuid().safeParse(input.runId);
  if (!runId.success) throw new AppError('not_found', 'run id is not a uuid');
  assertAllowed(hasRole(ctx.actor, 'admin'), 'approve purge steps');
  const run = await db.purgeRun.findUnique({ where: { id: runId.data }, select: { id: true, caseId: true, state: true } });
  if (!run) throw new AppError('not_found', `purge run ${runId.data} not found`);
  const approved = await db.$transaction(async (tx) => {
    await lockCaseRow(tx, run.caseId);
    const steps = await tx.purgeStep.findMany({ where: { runId: run.id, state: 'needs_admin' }, select: { id: true, instanceId: true, kind: true } });
    for (const s of steps) assertAllowed(canActOn(ctx.actor, s.instanceId), `purge on instance ${s.instanceId}`);
    if (steps.length === 0) return 0;
    const now = new Date();
    await tx.purgeStep.updateMany({
      where: { id: { in: steps.map((s) => s.id) }, state: 'needs_admin' },
      data: { state: 'waiting', approvedById: actorId(ctx.actor), approvedAt: now },
    });
    await recordEvent(tx, {
      actor: ctx.actor, action: 'case.purge_steps_approved', targetType: 'case', targetId: run.caseId,
      details: { runId: run.id, steps: steps.map((s) => ({ stepId: s.id, instanceId: s.instanceId, kind: s.kind })) },
    });
    return steps.length;
  });
  if (approved > 0) await enqueuePurgeRun(run.id);
  return { approved };
}
