/**
 * OWNER: sessions helper (issue 15). STUB: replace. Is this session row live (not ended, not expired, this user's)?
 * Touches lastSeenAt/ip/userAgent at most every few minutes (a write per request would be waste).
 */
import { isSessionRevoked } from '../revoke-session';

export async function checkSession(input: { sessionId: string; userId: string; ip: string | null; userAgent: string | null }): Promise<boolean> {
  return !(await isSessionRevoked(input.sessionId));
}
