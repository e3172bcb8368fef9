'use client';
/**
 * "Require two-factor sign-in for owners and admins" (admins). Saving on change: one checkbox, one decision. The
 * server refuses turning it on while the admin doing it has no factor; its words are shown as they come.
 */
import { useState } from 'react';
import Link from 'next/link';
import { z } from 'zod';
import { sendJson } from '@/components/auth/send-json';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import type { SignInPolicy } from '@/lib/auth/totp/sign-in-policy';

const policySchema = z.object({ require2faForAdmins: z.boolean() });
type Status = { tone: 'ok' | 'error'; text: string } | null;

export function SignInPolicyCard({ initial }: { initial: SignInPolicy }) {
  const [policy, setPolicy] = useState(initial);
  const [status, setStatus] = useState<Status>(null);
  const [pending, setPending] = useState(false);

  async function toggle(on: boolean) {
    setPending(true);
    setStatus(null);
    const res = await sendJson('/api/settings/auth-policy', 'PUT', { require2faForAdmins: on }, policySchema);
    setPending(false);
    if (!res.ok) return setStatus({ tone: 'error', text: res.message });
    setPolicy(res.data);
    setStatus({ tone: 'ok', text: res.data.require2faForAdmins ? 'Saved: owners and admins now need a second factor.' : 'Saved: a second factor is optional.' });
  }

  return (
    <Card data-testid="sign-in-policy">
      <h2 className="mb-1 text-base font-semibold">Sign-in policy</h2>
      <p className="mb-4 text-sm text-muted">
        Owners and admins can change everyone&apos;s access, so their accounts are worth protecting with a second factor: an
        authenticator app or a passkey. Single sign-on accounts follow their identity provider&apos;s rules.
      </p>
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          className="mt-1"
          checked={policy.require2faForAdmins}
          disabled={pending}
          onChange={(e) => void toggle(e.target.checked)}
          data-testid="policy-require-2fa"
        />
        <span>
          <span className="font-medium">Require two-factor sign-in for owners and admins.</span>{' '}
          <span className="text-muted">
            Owners and admins without a second factor will be sent to their <Link href="/settings/security" className="underline">Security page</Link> to
            set one up before they can use anything else. Set up yours first.
          </span>
        </span>
      </label>
      <div aria-live="polite" className="mt-3">{status ? <Alert tone={status.tone}>{status.text}</Alert> : null}</div>
    </Card>
  );
}
