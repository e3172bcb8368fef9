/** A person sent the prepared message (by email, outside the dashboard): prepared → marked_sent, audited. */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors';
import { FORWARD_ROW, withErrors } from './forward-view';
import { loadForwardForChange } from './load-forward-for-change';
import type { ForwardView } from './types';

export async function markForwardSent({ ctx, input }: { ctx: Ctx; input: { forwardId: string } }): Promise<ForwardView> {
  const row = await db.$transaction(async (tx) => {
    const f = await loadForwardForChange(tx, ctx.actor, input.forwardId);
    if (f.state !== 'prepared') {
      throw new AppError('conflict', `forward ${f.id} is ${f.state}`, { userMessage: 'Only a prepared message can be marked as sent.' });
    }
    const updated = await tx.caseForward.update({ where: { id: f.id }, data: { state: 'marked_sent', sentAt: new Date() }, include: FORWARD_ROW });
    await recordEvent(tx, { actor: ctx.actor, action: 'forward.marked_sent', targetType: 'case', targetId: f.caseId, details: { forwardId: f.id, domain: f.domain, contact: f.contact } });
    return updated;
  });
  return (await withErrors(db, [row]))[0];
}
