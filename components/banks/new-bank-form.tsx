'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { z } from 'zod';
import { sendJson } from '@/components/auth/send-json';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input, Select, Textarea } from '@/components/ui/field';
import { LabelOptions, SeveritySelect } from './severity-select';

const created = z.object({ id: z.string() });

/** Admins only (the server refuses everyone else). A new bank opens at once, ready for an import. */
export function NewBankForm() {
  const router = useRouter();
  const [kind, setKind] = useState<'match' | 'allow'>('match');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const body = {
      name: String(f.get('name') ?? ''),
      kind,
      description: String(f.get('description') ?? ''),
      ...(kind === 'match' ? { label: String(f.get('label')), severity: Number(f.get('severity')) } : {}),
    };
    setBusy(true);
    const res = await sendJson('/api/banks', 'POST', body, created);
    setBusy(false);
    if (!res.ok) setError(res.message);
    else router.push(`/banks/${res.data.id}`);
  }

  return (
    <Card className="space-y-3">
      <h2 className="text-sm font-semibold">New bank</h2>
      <form onSubmit={submit} aria-label="New bank" className="space-y-2">
        <Field label="Name"><Input name="name" required maxLength={100} /></Field>
        <Field label="Kind" hint={kind === 'match' ? 'Known-bad hashes: matching media is flagged and prioritized.' : 'Known-benign hashes: they suppress false matches.'}>
          <Select name="kind" value={kind} onChange={(e) => setKind(e.target.value === 'allow' ? 'allow' : 'match')}>
            <option value="match">Match (known bad)</option>
            <option value="allow">Allow (known benign)</option>
          </Select>
        </Field>
        {kind === 'match' ? (
          <>
            <Field label="Label"><Select name="label" defaultValue="other"><LabelOptions /></Select></Field>
            <Field label="Severity" hint="How urgently a match should be looked at."><SeveritySelect /></Field>
          </>
        ) : null}
        <Field label="Description" hint="Where the list comes from, and its terms of use."><Textarea name="description" rows={2} maxLength={2000} /></Field>
        <Button type="submit" variant="primary" disabled={busy}>Create bank</Button>
      </form>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </Card>
  );
}
