/**
 * Ends one of the actor's own sessions (a lost laptop, a browser left signed in). Ending the current one is
 * allowed: the page then signs this browser out. Someone else's session id is "not found", never a hint.
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';

export const endSessionInput = z.object({ sessionId: z.uuid() });

export async function endSession({ ctx, input }: { ctx: Ctx; input: z.input<typeof endSessionInput> }, now = new Date()): Promise<{ current: boolean }> {
  if (ctx.actor.type !== 'user') throw new AppError('forbidden', 'sessions belong to a person');
  const { sessionId } = endSessionInput.parse(input);
  const actor = ctx.actor;
  await db.$transaction(async (tx) => {
    const ended = await tx.authSession.updateMany({
      where: { id: sessionId, userId: actor.id, endedAt: null, expiresAt: { gt: now } },
      data: { endedAt: now, endedReason: 'signed_out_by_user' },
    });
    if (ended.count === 0) throw new AppError('not_found', 'session not found or already ended', { userMessage: 'That session has already ended.' });
    await recordEvent(tx, { actor, action: 'auth.session_ended', targetType: 'user', targetId: actor.id, details: { sessionId } });
  });
  return { current: sessionId === actor.sessionId };
}
