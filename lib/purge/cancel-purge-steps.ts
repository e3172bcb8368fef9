/**
 * Cancels what of a run has not been sent yet (steps waiting for an admin, or waiting their turn): they become
 * skipped, audited on the case. Admins and the moderator who started the run may. Steps already handed to the
 * outbox run to their end; the run then finishes with the receipts of what was done.
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import { actorId, type Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, hasRole } from '@/lib/auth/policy';
import { lockCaseRow } from '@/lib/cases/case-access';
import { AppError } from '@/lib/errors';
import { enqueuePurgeRun } from '@/lib/jobs/enqueue';

export async function cancelPurgeSteps({ ctx, input }: { ctx: Ctx; input: { runId: string } }): Promise<{ skipped: number }> {
  const runId = z.uuid().safeParse(input.runId);
  if (!runId.success) throw new AppError('not_found', 'run id is not a uuid');
  const run = await db.purgeRun.findUnique({ where: { id: runId.data }, select: { id: true, caseId: true, requestedById: true } });
  if (!run) throw new AppError('not_found', `purge run ${runId.data} not found`);
  const own = run.requestedById !== null && run.requestedById === actorId(ctx.actor);
  assertAllowed(hasRole(ctx.actor, 'admin') || (own && hasRole(ctx.actor, 'moderator')), 'cancel purge steps');
  const skipped = await db.$transaction(async (tx) => {
    await lockCaseRow(tx, run.caseId);
    const steps = await tx.purgeStep.findMany({ where: { runId: run.id, state: { in: ['needs_admin', 'waiting'] } }, select: { id: true, instanceId: true, kind: true } });
    if (steps.length === 0) return 0;
    // Conditional: a step the run handed to the outbox in between (now queued) is not cancelled.
    const n = await tx.purgeStep.updateMany({ where: { id: { in: steps.map((s) => s.id) }, state: { in: ['needs_admin', 'waiting'] } }, data: { state: 'skipped', detail: 'cancelled' } });
    await recordEvent(tx, {
      actor: ctx.actor, action: 'case.purge_steps_cancelled', targetType: 'case', targetId: run.caseId,
      details: { runId: run.id, steps: steps.map((s) => ({ stepId: s.id, instanceId: s.instanceId, kind: s.kind })) },
    });
    return n.count;
  });
  // The run goes on: instances whose steps are all over now get their receipt checks, then it finishes.
  await enqueuePurgeRun(run.id).catch(() => {});
  return { skipped };
}
