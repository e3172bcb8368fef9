'use client';

import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import type { AuditUrlFilters } from './audit-url';

export interface InstanceOption {
  id: string;
  name: string;
}

/**
 * Filters apply on submit (Enter or "Apply"), not per keystroke: a calmer list, and one history entry per
 * search so Back returns to the previous one. The parent re-keys this form when the URL changes.
 */
export function AuditFilterBar({ value, actions, instances, onApply, onClear }: {
  value: AuditUrlFilters;
  actions: string[];
  instances: InstanceOption[];
  onApply: (f: AuditUrlFilters) => void;
  onClear: () => void;
}) {
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const text = (k: keyof AuditUrlFilters) => String(data.get(k) ?? '').trim();
    onApply({ actor: text('actor'), action: text('action'), instanceId: text('instanceId'), from: text('from'), to: text('to') });
  }

  return (
    <form role="search" aria-label="Filter audit events" onSubmit={submit} className="mb-4 grid grid-cols-1 items-end gap-3 rounded-lg border border-line bg-white p-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_auto_auto_auto]">
      <Field label="Actor">
        <Input name="actor" type="search" defaultValue={value.actor} placeholder="email or system:…" autoComplete="off" maxLength={200} />
      </Field>
      <Field label="Action">
        <Input name="action" type="search" list="audit-action-names" defaultValue={value.action} placeholder="e.g. report." autoComplete="off" maxLength={200} />
      </Field>
      <datalist id="audit-action-names">
        {actions.map((a) => <option key={a} value={a} />)}
      </datalist>
      <Field label="Instance">
        <Select name="instanceId" defaultValue={value.instanceId}>
          <option value="">All instances</option>
          {instances.map((i) => <option key={i.id} value={i.id}>{i.name}</option>)}
        </Select>
      </Field>
      <Field label="From">
        <Input name="from" type="date" defaultValue={value.from} />
      </Field>
      <Field label="To">
        <Input name="to" type="date" defaultValue={value.to} />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" variant="primary">Apply</Button>
        <Button type="button" variant="ghost" onClick={onClear}>Clear</Button>
      </div>
    </form>
  );
}
