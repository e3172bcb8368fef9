'use client';

import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input } from '@/components/ui/field';
import { sendJson } from '@/components/auth/send-json';
import { MIN_PASSWORD, passwordProblem } from '@/components/auth/password-rules';

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
    setPending(false);
    if (res.ok) formEl.reset();
    setStatus(res.ok ? { tone: 'ok', text: 'Password changed.' } : { tone: 'error', text: res.message });
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
