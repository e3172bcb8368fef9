/**
 * WebAuthn challenges: handed out once, accepted once, for a few minutes. Consuming is a single conditional
 * delete, so two concurrent verifications of the same challenge cannot both succeed.
 */
import { db } from '@/lib/db';

export const CHALLENGE_TTL_MS = 5 * 60 * 1000;
export type ChallengePurpose = 'register' | 'authenticate';

export async function storeChallenge(input: { userId: string; purpose: ChallengePurpose; challenge: string }, now = new Date()): Promise<void> {
  // Expired rows are useless; sweeping them here keeps the table small without a scheduled job.
  await db.authChallenge.deleteMany({ where: { expiresAt: { lt: now } } });
  await db.authChallenge.create({ data: { ...input, expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS) } });
}

/** True once for a live challenge of this user and purpose; the row is gone afterwards whatever happens next. */
export async function consumeChallenge(input: { userId: string; purpose: ChallengePurpose; challenge: string }, now = new Date()): Promise<boolean> {
  const gone = await db.authChallenge.deleteMany({
    where: { challenge: input.challenge, userId: input.userId, purpose: input.purpose, expiresAt: { gt: now } },
  });
  return gone.count === 1;
}
