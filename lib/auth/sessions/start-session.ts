/**
 * Creates the AuthSession row a new sign-in's cookie names and returns its id (the JWT's `sid`). Every request
 * checks the row (check-session.ts), so a session can be listed and ended alone. The address and browser are
 * filled in by the first request that checks it (next-auth's jwt callback does not see the request).
 */
import crypto from 'node:crypto';
import { db } from '@/lib/db';
import { SESSION_MAX_AGE_SECONDS } from '../session-age';

export type SessionMethod = 'password' | 'password+totp' | 'password+recovery' | 'password+passkey' | 'sso';

/** Ended and expired rows are kept this long, then swept: long enough to explain "why was I signed out?". */
const KEEP_ENDED_MS = 30 * 24 * 60 * 60 * 1000;

export async function startSession(input: { userId: string; method: SessionMethod }, now = new Date()): Promise<string> {
  const id = crypto.randomUUID();
  await db.authSession.create({
    data: { id, userId: input.userId, method: input.method, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) },
  });
  // An occasional sweep keeps the table short without a job (like the old deny list did).
  if (Math.random() < 0.05) await sweepOldSessions(now);
  return id;
}

export async function sweepOldSessions(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - KEEP_ENDED_MS);
  const swept = await db.authSession.deleteMany({ where: { OR: [{ expiresAt: { lt: before } }, { endedAt: { lt: before } }] } });
  await db.revokedSession.deleteMany({ where: { expiresAt: { lt: now } } });
  return swept.count;
}
