'use client';

import { useState } from 'react';
import { z } from 'zod';
import { sendJson } from '@/components/auth/send-json';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input, Select, Textarea } from '@/components/ui/field';
import type { BankDetail } from './bank-api';
import { LabelOptions, SeveritySelect } from './severity-select';

const updated = z.object({ rematchRunId: z.string().nullable() });
type Bank = BankDetail['bank'];

/** Admins: the bank's settings. The kind is fixed once created (flipping it would invert what the bank means). */
export function BankSettings({ bank, onChanged }: { bank: Bank; onChanged: () => void }) {
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function patch(body: Record<string, unknown>, done: string) {
    setBusy(true);
    const res = await sendJson(`/api/banks/${bank.id}`, 'PATCH', body, updated);
    setBusy(false);
    if (!res.ok) return setMessage({ tone: 'error', text: res.message });
    setMessage({ tone: 'ok', text: res.data.rematchRunId ? `${done} Stored media is being rematched.` : done });
    onChanged();
  }

  function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const body: Record<string, unknown> = { name: String(f.get('name') ?? ''), description: String(f.get('description') ?? '') };
    if (bank.kind === 'match') Object.assign(body, { label: String(f.get('label')), severity: Number(f.get('severity')) });
    void patch(body, 'Saved.');
  }

  function toggle() {
    if (bank.enabled && !window.confirm(`Disable ${bank.name}? Its hashes stop matching new and rematched media until it is enabled again.`)) return;
    void patch({ enabled: !bank.enabled }, bank.enabled ? 'Bank disabled.' : 'Bank enabled.');
  }

  return (
    <Card className="space-y-3">
      <h2 className="text-sm font-semibold">Settings</h2>
      <form key={`${bank.name}|${bank.label}|${bank.severity}`} onSubmit={save} aria-label="Bank settings" className="space-y-2">
        <Field label="Name"><Input name="name" defaultValue={bank.name} required maxLength={100} /></Field>
        {bank.kind === 'match' ? (
          <>
            <Field label="Label"><Select name="label" defaultValue={bank.label ?? 'other'}><LabelOptions /></Select></Field>
            <Field label="Severity"><SeveritySelect defaultValue={bank.severity} /></Field>
          </>
        ) : null}
        <Field label="Description"><Textarea name="description" defaultValue={bank.description} rows={2} maxLength={2000} /></Field>
        <Button type="submit" disabled={busy}>Save</Button>
      </form>
      <div className="border-t border-line pt-3">
        <Button variant={bank.enabled ? 'danger' : 'primary'} onClick={toggle} disabled={busy}>{bank.enabled ? 'Disable bank' : 'Enable bank'}</Button>
      </div>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </Card>
  );
}
