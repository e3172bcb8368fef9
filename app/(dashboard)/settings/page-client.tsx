'use client';

import { useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { signOut } from 'next-auth/react';
import { z } from 'zod';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input } from '@/components/ui/field';
import { sendJson } from '@/components/auth/send-json';
import { MIN_PASSWORD, passwordProblem } from '@/components/auth/password-rules';
import { signInWithPassword } from '@/components/auth/sign-in-with-password';

type Status = { tone: 'ok' | 'error'; text: string } | null;

const prefsSchema = z.object({ blurMedia: z.boolean(), grayscaleMedia: z.boolean() });
type Prefs = z.infer<typeof prefsSchema>;

export function PreferencesForm({ initial }: { initial: Prefs }) {
  const [prefs, setPrefs] = useState(initial);
  const [status, setStatus] = useState<Status>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    const res = await sendJson('/api/me/preferences', 'PATCH', prefs, prefsSchema);
    setPending(false);
    if (res.ok) setPrefs(res.data);
    setStatus(res.ok ? { tone: 'ok', text: 'Saved.' } : { tone: 'error', text: res.message });
  }

  const toggle = (key: keyof Prefs, label: string, hint: string) => (
    <label className="flex items-start gap-3">
      <input type="checkbox" className="mt-1" checked={prefs[key]} onChange={(e) => setPrefs({ ...prefs, [key]: e.target.checked })} />
      <span>
        <span className="block text-sm font-medium">{label}</span>
        <span className="block text-xs text-muted">{hint}</span>
      </span>
    </label>
  );

  return (
    <Card>
      <h2 className="mb-1 text-base font-semibold">Media display</h2>
      <p className="mb-4 text-sm text-muted">How reported images first appear to you. You can always reveal one on request; every reveal is logged.</p>
      <form onSubmit={onSubmit} className="space-y-3">
        {toggle('blurMedia', 'Blur media by default', 'Recommended. Shows a blurred preview until you choose to reveal it.')}
        {toggle('grayscaleMedia', 'Grayscale by default', 'Removes colour, which makes distressing images easier to look at.')}
        {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? 'Saving…' : 'Save display settings'}
        </Button>
      </form>
    </Card>
  );
}

export function PasswordForm({ email }: { email: string }) {
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
    const res = await sendJson('/api/me/password', 'POST', { currentPassword: String(form.get('currentPassword') ?? ''), newPassword }, z.object({ ok: z.literal(true) }));
    if (!res.ok) {
      setPending(false);
      return setStatus({ tone: 'error', text: res.message });
    }
    // The change ended every session, this one too: sign this browser in again with the new password.
    const problemSigningIn = await signInWithPassword(email, newPassword);
    setPending(false);
    formEl.reset();
    setStatus(problemSigningIn
      ? { tone: 'error', text: `Password changed and every session signed out. Please sign in again. (${problemSigningIn})` }
      : { tone: 'ok', text: 'Password changed. Every other session has been signed out.' });
  }

  return (
    <Card>
      <h2 className="mb-4 text-base font-semibold">Change password</h2>
      <form onSubmit={onSubmit} className="space-y-3">
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
        {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? 'Changing…' : 'Change password'}
        </Button>
      </form>
    </Card>
  );
}

export function SignOutEverywhere() {
  const router = useRouter();
  const [status, setStatus] = useState<Status>(null);
  const [pending, setPending] = useState(false);

  async function onClick() {
    setPending(true);
    const res = await sendJson('/api/me/sessions', 'DELETE', undefined, z.object({ ok: z.literal(true) }));
    if (!res.ok) {
      setPending(false);
      return setStatus({ tone: 'error', text: res.message });
    }
    // This browser's cookie no longer counts either; clear it and go to the sign-in page.
    await signOut({ redirect: false }).catch(() => undefined);
    router.push('/signin');
  }

  return (
    <Card>
      <h2 className="mb-1 text-base font-semibold">Sessions</h2>
      <p className="mb-4 text-sm text-muted">Signs you out on every device and browser, this one included. Use it if a device was lost or a session may have been copied.</p>
      {status ? <div className="mb-3"><Alert tone={status.tone}>{status.text}</Alert></div> : null}
      <Button type="button" onClick={() => void onClick()} disabled={pending}>
        {pending ? 'Signing out…' : 'Sign out everywhere'}
      </Button>
    </Card>
  );
}
