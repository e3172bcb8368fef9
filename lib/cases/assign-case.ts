/** Assigns a case to a moderator (an active user with moderator+ role), or unassigns it. Audited. */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors';
import { loadCaseForChange } from './case-access';
import { parseCaseId } from './case-id';

const STAFF = ['moderator', 'admin', 'owner'] as const;

export async function assignCase({ ctx, input }: { ctx: Ctx; input: { caseId: string; assigneeId: string | null } }): Promise<void> {
  const caseId = parseCaseId(input.caseId);
  const assignee = z.uuid().nullable().safeParse(input.assigneeId);
  if (!assignee.success) throw new AppError('bad_request', 'assignee is not a user id', { userMessage: 'Choose a moderator.' });
  await db.$transaction(async (tx) => {
    await loadCaseForChange(tx, ctx.actor, caseId);
    if (assignee.data !== null) {
      const user = await tx.user.findUnique({ where: { id: assignee.data }, select: { role: true, disabledAt: true } });
      if (!user || user.disabledAt !== null || !(STAFF as readonly string[]).includes(user.role)) {
        throw new AppError('bad_request', 'assignee is not an active moderator', { userMessage: 'Cases can be assigned only to active moderators.' });
      }
    }
    await tx.case.update({ where: { id: caseId }, data: { assigneeId: assignee.data } });
    await recordEvent(tx, { actor: ctx.actor, action: 'case.assigned', targetType: 'case', targetId: caseId, details: { assigneeId: assignee.data } });
  });
}
