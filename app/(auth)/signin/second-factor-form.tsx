'use client';
/**
 * The second step of signing in: the authenticator code (or a recovery code), and a passkey where the account has
 * one. The email and password stay in the parent's memory only and are sent again with the factor.
 */
import { useState, type FormEvent } from 'react';
import { PasskeySecondFactor } from '@/components/auth/passkey-second-factor';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import type { Factor } from './sign-in-request';

interface Props {
  email: string;
  password: string;
  callbackPath: string;
  pending: boolean;
  onSubmit: (factor: Factor) => void;
  onError: (message: string) => void;
  onBack: () => void;
}

export function SecondFactorForm({ email, password, callbackPath, pending, onSubmit, onError, onBack }: Props) {
  const [recovery, setRecovery] = useState(false);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const value = String(new FormData(e.currentTarget).get('factor') ?? '').trim();
    if (value) onSubmit(recovery ? { recoveryCode: value } : { code: value });
  }

  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="space-y-4" key={recovery ? 'recovery' : 'code'}>
        {recovery ? (
          <Field label="Recovery code" hint="One of the codes you saved when you set up the authenticator app. Each works once.">
            <Input name="factor" data-testid="signin-recovery" autoComplete="off" autoCapitalize="none" spellCheck={false} required autoFocus placeholder="xxxx-xxxx-xxxx" />
          </Field>
        ) : (
          <Field label="Enter the 6-digit code from your authenticator app">
            <Input name="factor" data-testid="signin-code" inputMode="numeric" autoComplete="one-time-code" maxLength={8} required autoFocus />
          </Field>
        )}
        <Button type="submit" variant="primary" disabled={pending} className="w-full justify-center" data-testid="signin-code-submit">
          {pending ? 'Checking…' : 'Verify and sign in'}
        </Button>
      </form>
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <button type="button" className="font-medium underline" data-testid="signin-recovery-toggle" onClick={() => setRecovery((r) => !r)}>
          {recovery ? 'Use the authenticator app instead' : 'Use a recovery code instead'}
        </button>
        <button type="button" className="text-muted underline" onClick={onBack}>
          Start over
        </button>
      </div>
      <PasskeySecondFactor email={email} password={password} callbackUrl={callbackPath} onError={onError} />
    </div>
  );
}
