'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { sendJson } from '@/components/auth/send-json';
import { MIN_PASSWORD, passwordProblem } from '@/components/auth/password-rules';
import { signInWithPassword } from '@/components/auth/sign-in-with-password';

const created = z.object({ email: z.string() });

export function OwnerForm({ token }: { token: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const email = String(form.get('email') ?? '');
    const password = String(form.get('password') ?? '');
    const problem = passwordProblem(password, String(form.get('confirm') ?? ''));
    if (problem) return setError(problem);
    setPending(true);
    setError(null);
    const res = await sendJson('/api/setup', 'POST', { token, email, name: String(form.get('name') ?? ''), password }, created);
    if (!res.ok) {
      setPending(false);
      return setError(res.message);
    }
    const signInProblem = await signInWithPassword(res.data.email, password);
    if (signInProblem) {
      router.push('/signin');
      return;
    }
    router.push('/queue');
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Field label="Email">
        <Input name="email" type="email" autoComplete="username" required autoFocus />
      </Field>
      <Field label="Name" hint="Shown to your team in the audit log.">
        <Input name="name" autoComplete="name" maxLength={100} />
      </Field>
      <Field label="Password" hint={`At least ${MIN_PASSWORD} characters. A few unrelated words work well.`}>
        <Input name="password" type="password" autoComplete="new-password" minLength={MIN_PASSWORD} required />
      </Field>
      <Field label="Password again">
        <Input name="confirm" type="password" autoComplete="new-password" minLength={MIN_PASSWORD} required />
      </Field>
      <Button type="submit" variant="primary" disabled={pending} className="w-full justify-center">
        {pending ? 'Creating…' : 'Create owner account'}
      </Button>
    </form>
  );
}
