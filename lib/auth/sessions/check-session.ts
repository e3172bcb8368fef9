/**
 * Is this session row live: this user's, not ended, not expired? A cookie whose `sid` has no row (issued before
 * sessions were listed, or swept) is refused: fail closed, the person signs in once more.
 * Touches lastSeenAt/ip/userAgent only when the last touch is over five minutes old, the address changed or the
 * browser was never seen (next-auth's jwt callback, which makes the row, does not see the request), so
 * the common request costs one read and no write; the touch repeats its condition, so concurrent requests of
 * the same session write once.
 */
import { db } from '@/lib/db';

export const TOUCH_EVERY_MS = 5 * 60 * 1000;
const USER_AGENT_MAX = 300;

export async function checkSession(
  input: { sessionId: string; userId: string; ip: string | null; userAgent: string | null },
  now = new Date(),
): Promise<boolean> {
  const row = await db.authSession.findFirst({
    where: { id: input.sessionId, userId: input.userId, endedAt: null, expiresAt: { gt: now } },
    select: { lastSeenAt: true, ip: true, userAgent: true },
  });
  if (!row) return false;
  const staleBefore = new Date(now.getTime() - TOUCH_EVERY_MS);
  const moved = input.ip !== null && row.ip !== input.ip;
  const unseen = input.userAgent !== null && row.userAgent === null;
  if (row.lastSeenAt < staleBefore || moved || unseen) {
    await db.authSession.updateMany({
      where: { id: input.sessionId, endedAt: null, OR: [{ lastSeenAt: { lt: staleBefore } }, ...(moved ? [{ ip: row.ip }] : []), ...(unseen ? [{ userAgent: null }] : [])] },
      data: { lastSeenAt: now, ...(input.ip === null ? {} : { ip: input.ip }), ...(input.userAgent === null ? {} : { userAgent: input.userAgent.slice(0, USER_AGENT_MAX) }) },
    });
  }
  return true;
}
