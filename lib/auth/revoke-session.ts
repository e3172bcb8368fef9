/**
 * A plain sign-out ends one session for good. The cookie is deleted in that browser, but a copy of it (stolen,
 * synced, left in another profile) would stay valid until it expires, so its AuthSession row is marked ended and
 * current-actor refuses it on every request (check-session.ts). The older RevokedSession deny list is no longer
 * written: a cookie from before AuthSession rows has no row and is refused anyway; its rows are swept as they expire.
 */
import { db } from '@/lib/db';

export async function revokeSession(input: { sessionId: string; userId: string; expiresAt: Date }, now = new Date()): Promise<void> {
  await db.authSession.updateMany({
    where: { id: input.sessionId, userId: input.userId, endedAt: null },
    data: { endedAt: now, endedReason: 'sign_out' },
  });
}
