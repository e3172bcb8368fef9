/**
 * Drops a prepared message that will not be sent, or a failed outbox forward, so another way can be chosen. A
 * queued or sent forward cannot be discarded: the server has it (or is about to).
 */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors';
import { FORWARD_ROW, withErrors } from './forward-view';
import { loadForwardForChange } from './load-forward-for-change';
import type { ForwardView } from './types';

const DISCARDABLE = ['prepared', 'failed'];

export async function discardForward({ ctx, input }: { ctx: Ctx; input: { forwardId: string } }): Promise<ForwardView> {
  const row = await db.$transaction(async (tx) => {
    const f = await loadForwardForChange(tx, ctx.actor, input.forwardId);
    if (!DISCARDABLE.includes(f.state)) {
      throw new AppError('conflict', `forward ${f.id} is ${f.state}`, { userMessage: 'Only a prepared message or a failed forward can be discarded.' });
    }
    const updated = await tx.caseForward.update({ where: { id: f.id }, data: { state: 'discarded' }, include: FORWARD_ROW });
    await recordEvent(tx, { actor: ctx.actor, action: 'forward.discarded', targetType: 'case', targetId: f.caseId, instanceId: f.instanceId, details: { forwardId: f.id, domain: f.domain, method: f.method, from: f.state } });
    return updated;
  });
  return (await withErrors(db, [row]))[0];
}
