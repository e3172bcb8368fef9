'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { sendJson } from '@/components/auth/send-json';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import { bankListSchema, getJson } from './bank-api';

const resultSchema = z.object({
  bank: z.string(),
  added: z.array(z.object({ signalType: z.string() })),
  existing: z.array(z.string()),
  skipped: z.array(z.object({ signalType: z.string(), reason: z.string() })),
});
type Result = z.infer<typeof resultSchema>;

/**
 * "Add to bank" beside a media item in a report: the media's own hashes go into a match bank, so copies of it are
 * flagged wherever they turn up. The bank list is loaded only when the dialog opens.
 */
export function AddToBankButton({ mediaId }: { mediaId: string }) {
  const [open, setOpen] = useState(false);
  const banks = useQuery({
    queryKey: ['banks', 'match-enabled'],
    queryFn: async () => (await getJson('/api/banks?kind=match&enabled=1', bankListSchema)).banks,
    enabled: open,
  });
  const add = useMutation({
    mutationFn: async (body: { bankId: string; label?: string }) => {
      const res = await sendJson(`/api/media/${mediaId}/banks`, 'POST', body, resultSchema);
      if (!res.ok) throw new Error(res.message);
      return res.data;
    },
  });

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const label = String(f.get('label') ?? '').trim();
    add.mutate({ bankId: String(f.get('bankId')), ...(label ? { label } : {}) });
  }

  return (
    <div className="relative inline-block">
      <Button type="button" onClick={() => { setOpen(!open); add.reset(); }} aria-expanded={open} aria-haspopup="dialog">Add to bank</Button>
      {open ? (
        <div role="dialog" aria-label="Add this media to a bank" className="absolute z-20 mt-1 w-72 space-y-2 rounded-lg border border-line bg-surface p-3 shadow-lg"
          onKeyDown={(e) => { if (e.key === 'Escape') setOpen(false); }}>
          {banks.isPending ? <p className="text-sm text-muted">Loading banks…</p> : null}
          {banks.isError ? <Alert tone="error">{banks.error.message}</Alert> : null}
          {banks.data && banks.data.length === 0 ? <p className="text-sm text-muted">No enabled match bank. An admin can create one under Hash banks.</p> : null}
          {banks.data && banks.data.length > 0 ? (
            <form onSubmit={submit} className="space-y-2">
              <Field label="Bank">
                <Select name="bankId" required autoFocus>
                  {banks.data.map((b) => <option key={b.id} value={b.id}>{b.name}{b.label ? ` (${b.label}, severity ${b.severity})` : ''}</option>)}
                </Select>
              </Field>
              <Field label="Label (optional)"><Input name="label" maxLength={100} /></Field>
              <div className="flex gap-2">
                <Button type="submit" variant="primary" disabled={add.isPending}>{add.isPending ? 'Adding…' : 'Add'}</Button>
                <Button type="button" variant="ghost" onClick={() => setOpen(false)}>Close</Button>
              </div>
            </form>
          ) : null}
          {add.isError ? <Alert tone="error">{add.error.message}</Alert> : null}
          {add.data ? <Alert tone="ok">{describe(add.data)}</Alert> : null}
        </div>
      ) : null}
    </div>
  );
}

function describe(r: Result): string {
  const names = (list: string[]) => list.map((s) => s.toUpperCase()).join(', ');
  const parts = [r.added.length ? `Added ${names(r.added.map((a) => a.signalType))} to ${r.bank}.` : `Nothing new for ${r.bank}.`];
  if (r.existing.length) parts.push(`Already there: ${names(r.existing)}.`);
  for (const s of r.skipped) parts.push(`${s.signalType.toUpperCase()} left out: ${s.reason}.`);
  return parts.join(' ');
}
