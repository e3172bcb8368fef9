'use client';
/**
 * "Sign in with <label>" through next-auth's OIDC provider (id 'oidc'). next-auth fetches the authorization URL
 * (with its CSRF token) and sends the browser to the identity provider; the callback brings it back to
 * `callbackUrl`, which next-auth's redirect callback keeps on our own origin.
 */
import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';

export function SsoButton({ label, callbackUrl }: { label: string; callbackUrl: string }) {
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);

  async function onClick() {
    setPending(true);
    setFailed(false);
    try {
      await signIn('oidc', { callbackUrl });
    } catch {
      setFailed(true);
      setPending(false);
    }
  }

  return (
    <div className="space-y-1">
      <Button type="button" className="w-full justify-center" onClick={() => void onClick()} disabled={pending} data-testid="sso-button">
        {pending ? `Opening ${label}…` : `Sign in with ${label}`}
      </Button>
      <p aria-live="polite" className="text-sm text-danger">{failed ? 'Could not reach the server. Please try again.' : null}</p>
    </div>
  );
}
