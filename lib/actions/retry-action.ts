import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, canActOn } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { enqueueAction } from '@/lib/jobs/enqueue';

/**
 * Only a failed action can be retried; it goes back to the outbox as pending. A retry is the moderator's word that
 * the earlier attempt did not land (they checked the server when the failure said so), so the uncertain-send
 * mark is cleared and the next attempt sends.
 */
export async function retryAction({ ctx, input }: { ctx: Ctx; input: { actionId: string } }): Promise<void> {
  const action = await db.action.findUnique({ where: { id: input.actionId }, select: { id: true, status: true, instanceId: true, reportId: true, kind: true } });
  if (!action) throw new AppError('not_found', 'action not found');
  assertAllowed(canActOn(ctx.actor, action.instanceId), 'action.retry');
  if (action.status !== 'failed') throw new AppError('conflict', 'action not failed', { userMessage: 'Only a failed action can be retried.' });
  await db.$transaction(async (tx) => {
    await tx.action.update({ where: { id: action.id }, data: { status: 'pending', attempts: 0, finishedAt: null, nextAttemptAt: null, leaseUntil: null, leaseToken: null, unconfirmedSendAt: null } });
    await recordEvent(tx, { actor: ctx.actor, action: `${action.kind}.retry_requested`, targetType: 'report', targetId: action.reportId, instanceId: action.instanceId, details: { actionId: action.id } });
  });
  await enqueueAction(action.id);
}
