/**
 * Signed-in checks of a TOTP code (confirm, regenerate) are rate-limited per user: a borrowed unlocked session must
 * not be able to guess its way to fresh recovery codes. Same window and size as password changes.
 */
import { AppError } from '@/lib/errors';
import { hit, peek } from '@/lib/auth/rate-limit';

const WINDOW_SECONDS = 15 * 60;
const MAX_FAILURES = 5;
const key = (userId: string) => `totp-code:${userId}`;

export async function assertCodeAttemptsLeft(userId: string): Promise<void> {
  if (!(await peek(key(userId), WINDOW_SECONDS, MAX_FAILURES)).allowed) {
    throw new AppError('rate_limited', 'totp code checks locked out', { userMessage: 'Too many wrong codes. Please wait 15 minutes and try again.' });
  }
}

export async function refuseWrongCode(userId: string, replayed = false): Promise<never> {
  await hit(key(userId), WINDOW_SECONDS, MAX_FAILURES);
  throw new AppError('bad_request', replayed ? 'totp code replayed' : 'totp code wrong', {
    userMessage: 'That code is not right, or it was already used. Codes change every 30 seconds.',
  });
}
