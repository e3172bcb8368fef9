'use client';
/**
 * Change one's password. The change ends every other session and keeps this one (it just proved the current
 * password), so the form no longer signs in again afterwards.
 */
import { useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { z } from 'zod';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input } from '@/components/ui/field';
import { sendJson } from '@/components/auth/send-json';
import { MIN_PASSWORD, passwordProblem } from '@/components/auth/password-rules';

type Status = { tone: 'ok' | 'error'; text: string } | null;

const changedSchema = z.object({ ok: z.literal(true), endedSessions: z.number() });

export function PasswordForm({ email }: { email: string }) {
  const router = useRouter();
  const [status, setStatus] = useState<Status>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    const newPassword = String(form.get('newPassword') ?? '');
    const problem = passwordProblem(newPassword, String(form.get('confirm') ?? ''));
    if (problem) return setStatus({ tone: 'error', text: problem });
    setPending(true);
    const res = await sendJson('/api/me/password', 'POST', { currentPassword: String(form.get('currentPassword') ?? ''), newPassword }, changedSchema);
    setPending(false);
    if (!res.ok) return setStatus({ tone: 'error', text: res.message });
    formEl.reset();
    const n = res.data.endedSessions;
    setStatus({ tone: 'ok', text: `Password changed. ${n === 0 ? 'No other session was signed in.' : n === 1 ? '1 other session was signed out.' : `${n} other sessions were signed out.`}` });
    router.refresh(); // the sessions list on the same page shows the others gone
  }

  return (
    <Card>
      <h2 className="mb-4 text-base font-semibold">Change password</h2>
      <form onSubmit={onSubmit} className="space-y-3" data-testid="password-form">
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <Field label="Current password">
          <Input name="currentPassword" type="password" autoComplete="current-password" required />
        </Field>
        <Field label="New password" hint={`At least ${MIN_PASSWORD} characters.`}>
          <Input name="newPassword" type="password" autoComplete="new-password" minLength={MIN_PASSWORD} required />
        </Field>
        <Field label="New password again">
          <Input name="confirm" type="password" autoComplete="new-password" minLength={MIN_PASSWORD} required />
        </Field>
        <div aria-live="polite">{status ? <Alert tone={status.tone}>{status.text}</Alert> : null}</div>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? 'Changing…' : 'Change password'}
        </Button>
      </form>
    </Card>
  );
}
