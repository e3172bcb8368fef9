/** Shared by the totp-* tests: enrol a user through the real verbs, with a confirm code one minute old. */
import { confirmTotp } from '@/lib/auth/totp/confirm-totp';
import { setupTotp } from '@/lib/auth/totp/setup-totp';
import { totpAt, totpStep } from '@/lib/auth/totp/totp';
import { actorOf } from './auth-fixtures';
import type { Role } from '@/lib/generated/prisma/enums';

/** Confirmed two steps back, so the code of the current step is still unused and can sign in. */
export async function enrolTotp(user: { id: string; email: string; role: Role }): Promise<{ secret: string; recoveryCodes: string[] }> {
  const ctx = { actor: actorOf(user) };
  const { secret } = await setupTotp({ ctx });
  const then = new Date(Date.now() - 60_000);
  const { recoveryCodes } = await confirmTotp({ ctx, input: { code: totpAt(secret, totpStep(then)) }, now: then });
  return { secret, recoveryCodes };
}

export const codeNow = (secret: string, offsetSteps = 0) => totpAt(secret, totpStep(Date.now()) + offsetSteps);
