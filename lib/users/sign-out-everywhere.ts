/**
 * Ends every session of the actor's own account, on every device, this one included: sessions are JWT cookies the
 * server cannot delete, so the user's session version moves on and every older cookie stops matching; the
 * AuthSession rows are marked ended too, so the sessions list and the rows tell the same story.
 */
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { endOtherSessions } from '@/lib/auth/sessions/end-other-sessions';

export async function signOutEverywhere({ ctx }: { ctx: Ctx }): Promise<void> {
  if (ctx.actor.type !== 'user') throw new AppError('forbidden', 'sessions belong to a person');
  const userId = ctx.actor.id;
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    const ended = await endOtherSessions(tx, { userId, keepSessionId: null, reason: 'everywhere' });
    await recordEvent(tx, { actor: ctx.actor, action: 'user.signed_out_everywhere', targetType: 'user', targetId: userId, details: { keptCurrent: false, ended } });
  });
}
