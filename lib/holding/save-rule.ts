/** Admins create a rule (no id) or change one (id, partial input); the audit event names the changed fields. */
import type { Ctx } from '@/lib/audit/actor';
import { actorId } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, hasRole } from '@/lib/auth/policy';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { holdRuleInput, holdRulePatch } from './rule-input';
import { toRuleView } from './rule-view';
import type { RuleView } from './types';

export async function saveRule({ ctx, input }: { ctx: Ctx; input: { id?: string; rule: unknown } }): Promise<RuleView> {
  assertAllowed(hasRole(ctx.actor, 'admin'), 'manage hold rules');
  try {
    return await db.$transaction(async (tx) => {
      if (!input.id) {
        const data = holdRuleInput.parse(input.rule);
        const row = await tx.holdRule.create({ data: { ...data, createdById: actorId(ctx.actor) } });
        await recordEvent(tx, { actor: ctx.actor, action: 'hold_rule.created', targetType: 'hold_rule', targetId: row.id, details: { ...data } });
        return toRuleView(row);
      }
      const patch = holdRulePatch.parse(input.rule);
      const before = await tx.holdRule.findUnique({ where: { id: input.id } });
      if (!before) throw new AppError('not_found', 'rule not found', { userMessage: 'That rule does not exist.' });
      const changed = Object.fromEntries(
        Object.entries(patch).filter(([k, v]) => JSON.stringify(before[k as keyof typeof before]) !== JSON.stringify(v)),
      );
      if (Object.keys(changed).length === 0) return toRuleView(before);
      const row = await tx.holdRule.update({ where: { id: before.id }, data: changed });
      const was = Object.fromEntries(Object.keys(changed).map((k) => [k, before[k as keyof typeof before]]));
      await recordEvent(tx, { actor: ctx.actor, action: 'hold_rule.updated', targetType: 'hold_rule', targetId: row.id, details: { name: row.name, changed, was } });
      return toRuleView(row);
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') {
      throw new AppError('conflict', 'rule name taken', { userMessage: 'A rule with that name already exists.' });
    }
    throw e;
  }
}
