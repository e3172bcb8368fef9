/**
 * "Needs an admin": flags a subject with a reason. One open escalation per subject (a partial unique index): raising
 * again returns the open one unchanged (created: false), so two moderators pressing at once make one flag.
 */
import type { z } from 'zod';
import { db } from '@/lib/db';
import { actorId, actorLabel, type Ctx } from '@/lib/audit/actor';
import { hasRole } from '@/lib/auth/policy';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { assertSubjectVisible, normalizeSubjectKey } from '@/lib/notes/subject';
import type { EscalationView } from '@/lib/notes/types';
import { raiseInput } from './escalation-input';
import { escalationView } from './to-view';

export async function raiseEscalation({ ctx, input }: { ctx: Ctx; input: z.input<typeof raiseInput> }): Promise<{ escalation: EscalationView; created: boolean }> {
  if (!hasRole(ctx.actor, 'moderator')) throw new AppError('forbidden', 'escalating needs moderator', { userMessage: 'Your role cannot escalate.' });
  const parsed = raiseInput.safeParse(input);
  if (!parsed.success) throw new AppError('bad_request', 'invalid escalation', { userMessage: parsed.error.issues[0]?.message ?? 'Invalid escalation.' });
  const { subjectType, reason } = parsed.data;
  const subjectKey = normalizeSubjectKey(subjectType, parsed.data.subjectKey);
  const assigneeId = parsed.data.assigneeId ?? null;
  try {
    return await db.$transaction(async (tx) => {
      const instanceIds = await assertSubjectVisible(tx, ctx.actor, subjectType, subjectKey);
      const open = await tx.escalation.findFirst({ where: { subjectType, subjectKey, resolvedAt: null } });
      if (open) return { escalation: escalationView(open), created: false };
      if (assigneeId) {
        const a = await tx.user.findUnique({ where: { id: assigneeId }, select: { role: true, disabledAt: true } });
        if (!a || a.disabledAt || (a.role !== 'admin' && a.role !== 'owner')) {
          throw new AppError('bad_request', 'assignee not an admin', { userMessage: 'Escalate to an admin or the owner.' });
        }
      }
      const row = await tx.escalation.create({ data: { subjectType, subjectKey, reason, assigneeId, raisedById: actorId(ctx.actor), raisedByLabel: actorLabel(ctx.actor) } });
      await recordEvent(tx, {
        actor: ctx.actor, action: 'escalation.raised', targetType: subjectType, targetId: subjectKey,
        instanceId: subjectType === 'report' ? instanceIds?.[0] ?? null : null,
        details: { escalationId: row.id, subjectType, subjectKey, reason, assigneeId },
      });
      return { escalation: escalationView(row), created: true };
    });
  } catch (e) {
    // Lost the race to a colleague's identical press: theirs is the open one.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') {
      const open = await db.escalation.findFirst({ where: { subjectType, subjectKey, resolvedAt: null } });
      if (open) return { escalation: escalationView(open), created: false };
    }
    throw e;
  }
}
