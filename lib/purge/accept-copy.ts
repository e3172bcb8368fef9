/**
 * "Accept as is": a moderator's explicit, audited decision that a copy the checks could not show removed (still
 * served, cannot verify, or no receipt because its step failed) need not block the case. It is a receipt of its
 * own (verdict accepted, no check round) with the moderator's reason; the case may then be complete.
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import { actorId, actorLabel, type Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { canSeeInstance } from '@/lib/auth/policy';
import { loadCaseForChange } from '@/lib/cases/case-access';
import { parseCaseId } from '@/lib/cases/case-id';
import { AppError } from '@/lib/errors';
import { finishRunIfComplete } from './finish-run';
import { moveCaseState } from './move-case-state';
import { recountReceipts } from './recount-receipts';

const acceptInput = z.object({ copyId: z.uuid(), reason: z.string().trim().min(3).max(2000) });

export async function acceptCopy({ ctx, input }: { ctx: Ctx; input: { caseId: string; copyId: string; reason: string } }): Promise<{ receiptId: string }> {
  const caseId = parseCaseId(input.caseId);
  const parsed = acceptInput.safeParse({ copyId: input.copyId, reason: input.reason });
  if (!parsed.success) {
    throw new AppError('bad_request', 'invalid accept input', { userMessage: 'Give a reason of 3 to 2000 characters for accepting this copy as is.' });
  }
  const { copyId, reason } = parsed.data;
  const out = await db.$transaction(async (tx) => {
    const { row } = await loadCaseForChange(tx, ctx.actor, caseId);
    const copy = await tx.caseCopy.findFirst({ where: { id: copyId, caseId }, select: { id: true, instanceId: true, receiptVerdict: true } });
    if (!copy || !canSeeInstance(ctx.actor, copy.instanceId)) throw new AppError('not_found', `copy ${copyId} not in case ${caseId}`);
    const failedStep = copy.receiptVerdict === null
      && (await tx.purgeStep.count({ where: { caseId, state: 'failed', copyIds: { has: copyId } } })) > 0;
    if (copy.receiptVerdict !== 'still_served' && copy.receiptVerdict !== 'cannot_verify' && !failedStep) {
      throw new AppError('bad_request', `copy ${copyId} is ${copy.receiptVerdict ?? 'not checked'}`, {
        userMessage: 'Only a copy that is still served, could not be verified, or whose removal failed can be accepted as is.',
      });
    }
    const run = await tx.purgeRun.findFirst({ where: { caseId }, orderBy: { createdAt: 'desc' }, select: { id: true, state: true } });
    const now = new Date();
    const receipt = await tx.purgeReceipt.create({
      data: {
        caseId, copyId, instanceId: copy.instanceId, runId: run?.id ?? null, checkId: null, verdict: 'accepted', reason,
        checkedAt: now, byId: actorId(ctx.actor), byLabel: actorLabel(ctx.actor),
      },
    });
    await tx.caseCopy.update({ where: { id: copyId }, data: { receiptVerdict: 'accepted', receiptAt: now } });
    const counts = await recountReceipts(tx, caseId);
    await recordEvent(tx, {
      actor: ctx.actor, action: 'case.copy_accepted', targetType: 'case', targetId: caseId, instanceId: copy.instanceId,
      details: { receiptId: receipt.id, copyId, reason },
    });
    // With no run going, accepting the last open copy completes the case here; a running run decides when it ends.
    if (run?.state !== 'running' && row.state === 'open' && counts.copies > 0 && counts.removed === counts.copies) {
      await moveCaseState(tx, ctx.actor, caseId, row.state, 'purged', 'every copy removed or accepted');
    }
    return { receiptId: receipt.id, runningRunId: run?.state === 'running' ? run.id : null };
  });
  if (out.runningRunId) await finishRunIfComplete(out.runningRunId);
  return { receiptId: out.receiptId };
}
