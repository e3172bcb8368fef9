/** The hold a person confirms or undoes: not found when its instance is out of sight, forbidden when they cannot act. */
import type { Ctx } from '@/lib/audit/actor';
import { assertAllowed, canActOn, canSeeInstance } from '@/lib/auth/policy';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { z } from 'zod';

export const holdIdInput = z.object({ holdId: z.uuid() });

export async function loadDecidableHold(tx: Tx, ctx: Ctx, holdId: string) {
  // Locked: two moderators deciding at once get one answer each, in order.
  await tx.$queryRaw`SELECT id FROM "Hold" WHERE id = ${holdId}::uuid FOR UPDATE`;
  const hold = await tx.hold.findUnique({
    where: { id: holdId },
    select: { id: true, reportId: true, instanceId: true, state: true, dryRun: true, step: true, hideActionId: true, decision: true, rule: { select: { id: true, name: true } } },
  });
  if (!hold || !canSeeInstance(ctx.actor, hold.instanceId)) throw new AppError('not_found', 'hold not found', { userMessage: 'That hold does not exist.' });
  assertAllowed(canActOn(ctx.actor, hold.instanceId), 'decide hold');
  if (hold.dryRun) throw new AppError('conflict', 'dry-run hold', { userMessage: 'A dry-run record held nothing: there is nothing to confirm or undo.' });
  if (hold.decision || !['holding', 'held', 'not_hidden'].includes(hold.state)) {
    throw new AppError('conflict', `hold already ${hold.state}`, { userMessage: `This hold was already decided (${hold.decision ?? hold.state}).` });
  }
  return hold;
}
