'use client';
/**
 * OWNER: passkey helper (issue 15). STUB: replace. On the sign-in page's second step: "Use a passkey". Asks
 * /api/auth/passkeys/options (email + password) for a challenge, runs startAuthentication, then signs in through
 * next-auth's credentials provider with { email, password, passkey: JSON }. Renders nothing when the account has no
 * passkey or the browser has no WebAuthn.
 */
export function PasskeySecondFactor({ email, password, callbackUrl, onError }: { email: string; password: string; callbackUrl: string; onError: (message: string) => void }) {
  void email; void password; void callbackUrl; void onError;
  return null;
}
