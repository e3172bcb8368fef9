'use client';

import { useState, type FormEvent } from 'react';
import type { CaseDetail } from '@/lib/cases/types';
import { SEVERITY_WORDS } from '@/lib/banks/bank-fields';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import { LabelOptions } from '@/components/banks/severity-select';
import type { CasePatch } from './case-api';

/** Title, severity and label of the case (folded away: most cases keep what they were opened with). */
export function CaseEdit({ c, busy, onSave }: { c: CaseDetail; busy: boolean; onSave: (patch: CasePatch) => void }) {
  const [title, setTitle] = useState(c.title);
  const [severity, setSeverity] = useState(String(c.severity));
  const [label, setLabel] = useState(c.label ?? '');
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    onSave({ title: title.trim() || c.title, severity: Number(severity), label: label || null });
  }
  return (
    <details className="rounded-md border border-line bg-surface p-2 text-sm">
      <summary className="cursor-pointer font-medium">Edit title, severity and label</summary>
      <form onSubmit={submit} className="mt-2 space-y-2" aria-label="Edit case">
        <Field label="Title"><Input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} name="title" /></Field>
        <Field label="Severity">
          <Select value={severity} onChange={(e) => setSeverity(e.target.value)} name="severity">
            <option value="0">0 · not set</option>
            {[1, 2, 3, 4, 5].map((n) => <option key={n} value={n}>{n} · {SEVERITY_WORDS[n]}</option>)}
          </Select>
        </Field>
        <Field label="Label">
          <Select value={label} onChange={(e) => setLabel(e.target.value)} name="label">
            <option value="">None</option>
            <LabelOptions />
          </Select>
        </Field>
        <Button type="submit" disabled={busy}>{busy ? 'Saving…' : 'Save'}</Button>
      </form>
    </details>
  );
}
