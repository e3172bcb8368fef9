/**
 * Admins delete a rule. Its holds go with it (cascade); a hold still hiding something must be decided first,
 * or the hidden post would lose the record that says why it is hidden and how to undo it.
 */
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, hasRole } from '@/lib/auth/policy';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { z } from 'zod';
import { refreshPin } from './refresh-pin';

export async function deleteRule({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<void> {
  assertAllowed(hasRole(ctx.actor, 'admin'), 'manage hold rules');
  const id = z.uuid().parse(input.id);
  await db.$transaction(async (tx) => {
    const rule = await tx.holdRule.findUnique({ where: { id }, select: { id: true, name: true } });
    if (!rule) throw new AppError('not_found', 'rule not found', { userMessage: 'That rule does not exist.' });
    const live = await tx.hold.count({ where: { ruleId: id, dryRun: false, state: { in: ['holding', 'held', 'undoing'] } } });
    if (live > 0) {
      throw new AppError('conflict', 'rule has live holds', { userMessage: `This rule still hides ${live} item(s): confirm or undo them first, or disable the rule.` });
    }
    const holds = await tx.hold.findMany({ where: { ruleId: id }, select: { reportId: true } });
    await tx.holdRule.delete({ where: { id } });
    // Items pinned only by this rule's (pinned-only) holds leave the pinned list with it.
    for (const reportId of new Set(holds.map((h) => h.reportId))) await refreshPin(tx, reportId);
    await recordEvent(tx, { actor: ctx.actor, action: 'hold_rule.deleted', targetType: 'hold_rule', targetId: id, details: { name: rule.name, holds: holds.length } });
  });
}
