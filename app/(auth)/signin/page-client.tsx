'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { SsoButton } from '@/components/auth/sso-button';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { SecondFactorForm } from './second-factor-form';
import { messageFor, requestSignIn, type Factor } from './sign-in-request';

export interface SsoOffer { enabled: boolean; label: string }

export function SignInForm({ callbackPath, initialError, sso }: { callbackPath: string; initialError: string | null; sso: SsoOffer }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(messageFor(initialError));
  const [pending, setPending] = useState(false);
  // Kept in memory only for the second step, which sends them again with the factor; dropped on "Start over".
  const [creds, setCreds] = useState<{ email: string; password: string } | null>(null);

  async function attempt(email: string, password: string, factor: Factor) {
    setPending(true);
    setError(null);
    const code = await requestSignIn(email, password, factor);
    setPending(false);
    if (code === 'TwoFactorRequired') {
      setCreds({ email, password });
      return;
    }
    if (code) {
      // A wrong password on the first step, or a lockout: the second step no longer applies.
      if (code !== 'TwoFactorInvalid') setCreds(null);
      setError(messageFor(code));
      return;
    }
    router.push(callbackPath);
    router.refresh();
  }

  function onPassword(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    void attempt(String(form.get('email') ?? ''), String(form.get('password') ?? ''), null);
  }

  return (
    <div className="space-y-4">
      <div aria-live="polite">{error ? <Alert tone="error">{error}</Alert> : null}</div>
      {creds ? (
        <SecondFactorForm
          email={creds.email}
          password={creds.password}
          callbackPath={callbackPath}
          pending={pending}
          onSubmit={(factor) => void attempt(creds.email, creds.password, factor)}
          onError={setError}
          onBack={() => { setCreds(null); setError(null); }}
        />
      ) : (
        <>
          <form onSubmit={onPassword} className="space-y-4">
            <Field label="Email">
              <Input name="email" type="email" autoComplete="username" required autoFocus />
            </Field>
            <Field label="Password">
              <Input name="password" type="password" autoComplete="current-password" required />
            </Field>
            <Button type="submit" variant="primary" disabled={pending} className="w-full justify-center">
              {pending ? 'Signing in…' : 'Sign in'}
            </Button>
          </form>
          {sso.enabled ? (
            <div className="space-y-3 border-t border-line pt-4">
              <p className="text-center text-xs text-muted">or</p>
              <SsoButton label={sso.label} callbackUrl={callbackPath} />
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}
