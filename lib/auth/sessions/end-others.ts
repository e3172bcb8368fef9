/**
 * "End every other session": signs out every other device and keeps this one (unlike sign-out-everywhere, which
 * moves the session version on and so ends this one too). Audited as user.signed_out_everywhere with
 * keptCurrent, one event for the lot.
 */
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { endOtherSessions } from './end-other-sessions';

export async function endOthers({ ctx }: { ctx: Ctx }): Promise<{ ended: number }> {
  if (ctx.actor.type !== 'user') throw new AppError('forbidden', 'sessions belong to a person');
  const actor = ctx.actor;
  // Without a session of its own to keep this would be sign-out-everywhere under another name.
  if (!actor.sessionId) throw new AppError('bad_request', 'no current session to keep');
  const keep = actor.sessionId;
  return db.$transaction(async (tx) => {
    const ended = await endOtherSessions(tx, { userId: actor.id, keepSessionId: keep, reason: 'signed_out_by_user' });
    await recordEvent(tx, { actor, action: 'user.signed_out_everywhere', targetType: 'user', targetId: actor.id, details: { keptCurrent: true, ended } });
    return { ended };
  });
}
