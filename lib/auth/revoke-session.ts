/**
 * A plain sign-out ends one session for good. The cookie is deleted in that browser, but a copy of it (stolen,
 * synced, left in another profile) would stay valid until it expires, so its session id goes on a deny list that
 * current-actor checks on every request. Sign-out-everywhere uses the user's session version instead.
 */
import { db } from '@/lib/db';

export async function revokeSession(input: { sessionId: string; userId: string; expiresAt: Date }, now = new Date()): Promise<void> {
  await db.revokedSession.upsert({
    where: { sessionId: input.sessionId },
    create: { sessionId: input.sessionId, userId: input.userId, expiresAt: input.expiresAt },
    update: {},
  });
  // Expired sessions are refused by next-auth anyway; an occasional sweep keeps the list short.
  if (Math.random() < 0.05) await db.revokedSession.deleteMany({ where: { expiresAt: { lt: now } } });
}

export async function isSessionRevoked(sessionId: string): Promise<boolean> {
  return (await db.revokedSession.findUnique({ where: { sessionId }, select: { sessionId: true } })) !== null;
}
