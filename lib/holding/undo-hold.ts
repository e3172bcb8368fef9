/**
 * A moderator undoes a hold: the step's undo goes through the outbox as that moderator, and the item leaves the
 * pinned list at once. A hold that hid nothing is undone on the spot. If the undo then fails, settle-holds.ts puts
 * the hold back to `held` and pins it again.
 */
import { requestAction } from '@/lib/actions/request-action';
import type { Ctx } from '@/lib/audit/actor';
import { actorId } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { holdIdInput, loadDecidableHold } from './load-decidable-hold';
import { listHoldsByIds } from './list-holds';
import { refreshPin } from './refresh-pin';
import type { HoldView } from './types';

export async function undoHold({ ctx, input }: { ctx: Ctx; input: { holdId: string } }): Promise<HoldView> {
  const { holdId } = holdIdInput.parse(input);
  const undo = await db.$transaction(async (tx) => {
    const hold = await loadDecidableHold(tx, ctx, holdId);
    if (hold.state === 'holding') {
      const done = hold.hideActionId ? (await tx.action.findUnique({ where: { id: hold.hideActionId }, select: { status: true } }))?.status === 'done' : false;
      if (!done) throw new AppError('conflict', 'hide still in flight', { userMessage: 'The hide is still being sent to the server; undo it once it has landed.' });
    }
    const nothingHidden = hold.state === 'not_hidden';
    await tx.hold.update({
      where: { id: hold.id },
      data: { state: nothingHidden ? 'undone' : 'undoing', decision: 'undone', decidedAt: new Date(), decidedById: actorId(ctx.actor) },
    });
    await refreshPin(tx, hold.reportId);
    await recordEvent(tx, {
      actor: ctx.actor, action: 'hold.undone', targetType: 'report', targetId: hold.reportId, instanceId: hold.instanceId,
      details: { holdId: hold.id, ruleId: hold.rule.id, ruleName: hold.rule.name, was: hold.state, step: (hold.step as { label?: string } | null)?.label ?? null },
    });
    return nothingHidden ? null : { reportId: hold.reportId, action: (hold.step as { undo?: unknown } | null)?.undo };
  });
  if (undo) {
    try {
      // The undo's id lands on the hold in the outbox row's transaction: the sweeper always knows what to wait for.
      await requestAction({
        ctx, input: { reportId: undo.reportId, action: undo.action },
        alsoInTx: async (tx, actionId) => { await tx.hold.update({ where: { id: holdId }, data: { undoActionId: actionId } }); },
      });
    } catch (e) {
      // Nothing was queued: the item is still hidden, so it goes back to waiting for a human.
      const why = e instanceof AppError ? e.userMessage : 'the undo could not be requested';
      await db.$transaction(async (tx) => {
        await tx.hold.updateMany({ where: { id: holdId, state: 'undoing', undoActionId: null }, data: { state: 'held', reason: `Undo failed: ${why}`, decision: null, decidedAt: null, decidedById: null } });
        await refreshPin(tx, undo.reportId);
      });
      throw e;
    }
  }
  return (await listHoldsByIds(ctx, [holdId]))[0]!;
}
