'use client';
/**
 * On the sign-in page's second step: "Use a passkey". Asks /api/auth/passkeys/options (email + password) whether
 * the account has a passkey, and again for a fresh challenge when pressed (one may have expired meanwhile), runs
 * the browser prompt, then signs in through next-auth's credentials provider with { email, password, passkey }.
 * Renders nothing when the account has no passkey or the browser has no WebAuthn.
 */
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { signIn } from 'next-auth/react';
import { browserSupportsWebAuthn, startAuthentication } from '@simplewebauthn/browser';
import { Button } from '@/components/ui/button';
import { sendJson } from '@/components/auth/send-json';
import { signInErrorMessage } from '@/components/auth/sign-in-with-password';
import { SIGN_IN_ERRORS } from '@/lib/auth/sign-in-errors';
import { signInOptionsSchema } from '@/lib/auth/passkeys/options-schemas';

const NOT_ACCEPTED = 'The passkey was not accepted. Try again, or use another way to confirm.';

export function PasskeySecondFactor({ email, password, callbackUrl, onError }: { email: string; password: string; callbackUrl: string; onError: (message: string) => void }) {
  const router = useRouter();
  const [available, setAvailable] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!browserSupportsWebAuthn()) return;
    let live = true;
    void sendJson('/api/auth/passkeys/options', 'POST', { email, password }, signInOptionsSchema).then((res) => {
      if (live) setAvailable(res.ok && res.data.available);
    });
    return () => { live = false; };
  }, [email, password]);

  async function usePasskey() {
    setBusy(true);
    try {
      const res = await sendJson('/api/auth/passkeys/options', 'POST', { email, password }, signInOptionsSchema);
      if (!res.ok) return onError(res.message);
      if (!res.data.available) return setAvailable(false);
      let assertion: unknown;
      try {
        assertion = await startAuthentication({ optionsJSON: res.data.options });
      } catch (e) {
        return onError(e instanceof Error && e.name === 'NotAllowedError' ? 'The passkey prompt was closed or timed out.' : 'The browser could not use a passkey.');
      }
      const result = await signIn('credentials', { email, password, passkey: JSON.stringify(assertion), redirect: false, callbackUrl });
      if (!result) return onError('Could not reach the server. Please try again.');
      if (result.ok && !result.error) {
        router.push(callbackUrl);
        router.refresh();
        return;
      }
      onError(result.error === SIGN_IN_ERRORS.twoFactorInvalid ? NOT_ACCEPTED : (signInErrorMessage(result.error) ?? NOT_ACCEPTED));
    } catch {
      onError('Could not reach the server. Please try again.');
    } finally {
      setBusy(false);
    }
  }

  if (!available) return null;
  return (
    <Button data-testid="signin-passkey-button" type="button" variant="secondary" onClick={usePasskey} disabled={busy} className="w-full justify-center">
      {busy ? 'Waiting for your passkey…' : 'Use a passkey'}
    </Button>
  );
}
