/** An admin or owner settles an escalation with a short note of what was decided. Settling twice is a conflict. */
import type { z } from 'zod';
import { db } from '@/lib/db';
import { actorId, actorLabel, type Ctx } from '@/lib/audit/actor';
import { hasRole } from '@/lib/auth/policy';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors';
import { assertSubjectVisible, type SubjectType } from '@/lib/notes/subject';
import type { EscalationView } from '@/lib/notes/types';
import { resolveInput } from './escalation-input';
import { escalationView } from './to-view';

export async function resolveEscalation({ ctx, input }: { ctx: Ctx; input: z.input<typeof resolveInput> }): Promise<EscalationView> {
  if (!hasRole(ctx.actor, 'admin')) throw new AppError('forbidden', 'settling needs admin', { userMessage: 'Only an admin or the owner can settle an escalation.' });
  const parsed = resolveInput.safeParse(input);
  if (!parsed.success) throw new AppError('bad_request', 'invalid resolution', { userMessage: parsed.error.issues[0]?.message ?? 'Invalid resolution.' });
  const { id, resolution } = parsed.data;
  return db.$transaction(async (tx) => {
    const row = await tx.escalation.findUnique({ where: { id } });
    if (!row) throw new AppError('not_found', `escalation ${id} not found`, { userMessage: 'That escalation does not exist.' });
    const instanceIds = await assertSubjectVisible(tx, ctx.actor, row.subjectType as SubjectType, row.subjectKey);
    const done = await tx.escalation.updateMany({
      where: { id, resolvedAt: null },
      data: { resolvedAt: new Date(), resolvedById: actorId(ctx.actor), resolvedByLabel: actorLabel(ctx.actor), resolution },
    });
    if (done.count === 0) throw new AppError('conflict', 'already settled', { userMessage: 'A colleague already settled this escalation.' });
    await recordEvent(tx, {
      actor: ctx.actor, action: 'escalation.resolved', targetType: row.subjectType, targetId: row.subjectKey,
      instanceId: row.subjectType === 'report' ? instanceIds?.[0] ?? null : null,
      details: { escalationId: id, subjectType: row.subjectType, subjectKey: row.subjectKey, resolution },
    });
    return escalationView(await tx.escalation.findUniqueOrThrow({ where: { id } }));
  });
}
