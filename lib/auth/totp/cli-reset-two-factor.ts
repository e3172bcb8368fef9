/** The CLI side of `users reset-2fa --email E`: prints what was removed; an unknown email exits 1 with words. */
import type { Actor } from '@/lib/audit/actor';
import { isAppError } from '@/lib/errors';
import { resetTwoFactor } from './reset-two-factor';

export async function resetTwoFactorCommand(flags: Record<string, string | true>, out: (line: string) => void, actor: Actor): Promise<number> {
  const email = flags.email;
  if (typeof email !== 'string' || !email) {
    out('Usage: users reset-2fa --email EMAIL');
    return 2;
  }
  try {
    const r = await resetTwoFactor({ ctx: { actor }, input: { email } });
    out(
      `Reset two-factor sign-in for ${r.email}: authenticator app ${r.totpRemoved ? 'removed' : 'was not set up'}, ` +
        `${r.recoveryCodesRemoved} recovery code(s) and ${r.passkeysRemoved} passkey(s) removed, ${r.sessionsEnded} session(s) ended. ` +
        'They can sign in with their password and set up a new factor on the Security page.',
    );
    return 0;
  } catch (e) {
    if (isAppError(e) && (e.code === 'not_found' || e.code === 'bad_request')) {
      out(e.code === 'not_found' ? e.userMessage : `Not a valid email: ${email}`);
      return 1;
    }
    if (e instanceof Error && e.name === 'ZodError') {
      out(`Not a valid email: ${email}`);
      return 1;
    }
    throw e;
  }
}
