'use client';
/** With the app turned on: new recovery codes (needs a current code), or remove it (needs the password). */
import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { sendJson } from '@/components/auth/send-json';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';

const codesSchema = z.object({ recoveryCodes: z.array(z.string()) });
const removedSchema = z.object({ endedSessions: z.number() });

interface Props { onCodes: (codes: string[]) => void; onRemoved: (endedSessions: number) => void; onError: (message: string) => void }

export function TotpManage({ onCodes, onRemoved, onError }: Props) {
  const [open, setOpen] = useState<'codes' | 'remove' | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const value = String(new FormData(e.currentTarget).get('value') ?? '');
    setBusy(true);
    if (open === 'codes') {
      const res = await sendJson('/api/me/totp/recovery-codes', 'POST', { code: value }, codesSchema);
      if (res.ok) onCodes(res.data.recoveryCodes);
      else onError(res.message);
    } else {
      const res = await sendJson('/api/me/totp', 'DELETE', { password: value }, removedSchema);
      if (res.ok) onRemoved(res.data.endedSessions);
      else onError(res.message);
    }
    setBusy(false);
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <Button type="button" onClick={() => setOpen(open === 'codes' ? null : 'codes')} aria-expanded={open === 'codes'}>New recovery codes</Button>
        <Button type="button" variant="danger" onClick={() => setOpen(open === 'remove' ? null : 'remove')} aria-expanded={open === 'remove'}>Remove authenticator app</Button>
      </div>
      {open ? (
        <form onSubmit={submit} className="space-y-3 rounded-md border border-line p-3" key={open}>
          {open === 'codes' ? (
            <Field label="Code from the app" hint="Your old recovery codes stop working.">
              <Input name="value" inputMode="numeric" autoComplete="one-time-code" maxLength={8} required autoFocus />
            </Field>
          ) : (
            <Field label="Current password" hint="Removing the app signs you out everywhere else.">
              <Input name="value" type="password" autoComplete="current-password" required autoFocus data-testid="totp-remove-password" />
            </Field>
          )}
          <Button type="submit" variant={open === 'remove' ? 'danger' : 'primary'} disabled={busy} data-testid={open === 'remove' ? 'totp-remove-button' : undefined}>
            {open === 'remove' ? 'Remove it' : 'Make new codes'}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
