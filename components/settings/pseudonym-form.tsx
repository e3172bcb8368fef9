'use client';
/**
 * One's own pseudonym: the name servers see on notes and comments one sends, and (when the team turns it on) the
 * name colleagues see. Checked here with the same rules the server applies, so mistakes are explained at once.
 */
import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { sendJson } from '@/components/auth/send-json';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input } from '@/components/ui/field';
import { checkPseudonym } from '@/lib/team/pseudonym-rules';

type Status = { tone: 'ok' | 'error'; text: string } | null;
const answer = z.object({ pseudonym: z.string() });

export function PseudonymForm({ initial }: { initial: string }) {
  const [saved, setSaved] = useState(initial);
  const [value, setValue] = useState(initial);
  const [status, setStatus] = useState<Status>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const check = checkPseudonym(value);
    if (!check.ok) return setStatus({ tone: 'error', text: check.message });
    setPending(true);
    const res = await sendJson('/api/me/pseudonym', 'PUT', { pseudonym: check.value }, answer);
    setPending(false);
    if (!res.ok) return setStatus({ tone: 'error', text: res.message });
    setSaved(res.data.pseudonym);
    setValue(res.data.pseudonym);
    setStatus({ tone: 'ok', text: `Saved. You are now ${res.data.pseudonym}.` });
  }

  return (
    <Card data-testid="pseudonym-form">
      <h2 className="mb-1 text-base font-semibold">Pseudonym</h2>
      <p className="mb-4 text-sm text-muted">
        Notes and comments you send to servers are signed with this name, never your real one. It is unique in the
        team. The audit log keeps who you are, for owners and admins only.
      </p>
      <form onSubmit={onSubmit} className="space-y-3">
        <Field label="Your pseudonym" hint="3 to 32 characters: letters a to z, digits and single hyphens, for example quiet-heron.">
          <Input name="pseudonym" value={value} autoComplete="off" spellCheck={false} maxLength={32} onChange={(e) => setValue(e.target.value)} data-testid="pseudonym-input" />
        </Field>
        <div aria-live="polite">{status ? <Alert tone={status.tone}>{status.text}</Alert> : null}</div>
        <Button type="submit" variant="primary" disabled={pending || value.trim().toLowerCase() === saved}>
          {pending ? 'Saving…' : 'Save pseudonym'}
        </Button>
      </form>
    </Card>
  );
}
