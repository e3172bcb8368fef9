/**
 * Undo within the hold window (request-action.ts holdSeconds): withdraws an action the worker has not taken yet,
 * so nothing ever reaches the server. One conditional UPDATE races the worker's claim (claim-action.ts): Postgres
 * re-checks `status = 'pending'` on the row after the other writer commits, so exactly one of the two wins and the
 * action is either sent once or visibly not at all.
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { actorId } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, canActOn, hasRole } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';

const input = z.object({ actionId: z.uuid() });

export async function cancelAction({ ctx, input: raw }: { ctx: Ctx; input: { actionId: string } }): Promise<{ actionId: string; status: 'cancelled' }> {
  const { actionId } = input.parse(raw);
  const action = await db.action.findUnique({ where: { id: actionId }, select: { id: true, kind: true, instanceId: true, reportId: true, requestedById: true, caseId: true, purgeStepId: true } });
  if (!action) throw new AppError('not_found', 'action not found', { userMessage: 'That action does not exist.' });
  assertAllowed(canActOn(ctx.actor, action.instanceId), 'action.cancel');
  const mine = action.requestedById !== null && action.requestedById === actorId(ctx.actor);
  if (!mine && !hasRole(ctx.actor, 'admin')) {
    throw new AppError('forbidden', 'not the requester', { userMessage: 'Only the person who asked for this action (or an admin) can undo it.' });
  }
  // A case's purge steps and forwards have their own state machines, which a silent withdrawal would strand.
  if (action.caseId !== null || action.purgeStepId !== null) {
    throw new AppError('conflict', 'case action not cancellable', { userMessage: 'This action is part of a case (a purge or a forward); manage it from the case page.' });
  }
  const now = new Date();
  const cancelled = await db.$transaction(async (tx) => {
    // attempts 0 and no send mark: never claimed, so not even a partial send can have happened.
    const r = await tx.action.updateMany({
      where: { id: action.id, status: 'pending', attempts: 0, leaseToken: null, unconfirmedSendAt: null, caseId: null, purgeStepId: null },
      data: { status: 'cancelled', finishedAt: now, nextAttemptAt: null },
    });
    if (r.count === 0) return false;
    await recordEvent(tx, {
      actor: ctx.actor, action: `${action.kind}.cancelled`, targetType: 'report', targetId: action.reportId, instanceId: action.instanceId,
      details: { actionId: action.id },
    });
    return true;
  });
  if (cancelled) return { actionId: action.id, status: 'cancelled' };
  const now2 = await db.action.findUniqueOrThrow({ where: { id: action.id }, select: { status: true } });
  // A second Undo (double click, two tabs) finds its own earlier cancel: same answer, no second audit event.
  if (now2.status === 'cancelled') return { actionId: action.id, status: 'cancelled' };
  throw new AppError('conflict', `action ${action.id} is ${now2.status}, not cancellable`, {
    userMessage: now2.status === 'done'
      ? 'Too late to undo: the server already carried it out.'
      : 'Too late to undo: the action was already sent to the server.',
    publicData: { status: now2.status },
  });
}
