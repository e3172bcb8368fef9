/** A moderator keeps a hold: the item stays hidden (or pinned-only) and leaves the pinned list. */
import type { Ctx } from '@/lib/audit/actor';
import { actorId } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { db } from '@/lib/db';
import { holdIdInput, loadDecidableHold } from './load-decidable-hold';
import { listHoldsByIds } from './list-holds';
import { refreshPin } from './refresh-pin';
import type { HoldView } from './types';

export async function confirmHold({ ctx, input }: { ctx: Ctx; input: { holdId: string } }): Promise<HoldView> {
  const { holdId } = holdIdInput.parse(input);
  await db.$transaction(async (tx) => {
    const hold = await loadDecidableHold(tx, ctx, holdId);
    await tx.hold.update({ where: { id: hold.id }, data: { state: 'confirmed', decision: 'confirmed', decidedAt: new Date(), decidedById: actorId(ctx.actor) } });
    await refreshPin(tx, hold.reportId);
    await recordEvent(tx, {
      actor: ctx.actor, action: 'hold.confirmed', targetType: 'report', targetId: hold.reportId, instanceId: hold.instanceId,
      details: { holdId: hold.id, ruleId: hold.rule.id, ruleName: hold.rule.name, was: hold.state },
    });
  });
  return (await listHoldsByIds(ctx, [holdId]))[0]!;
}
