'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import { actionGroups, isCustomAction } from './action-options';
import { dateRangeError, type AuditUrlFilters } from './audit-url';

export interface InstanceOption {
  id: string;
  name: string;
}

/**
 * Filters apply on submit (Enter or "Apply"), not per keystroke: a calmer list, and one history entry per
 * search so Back returns to the previous one. The parent re-keys this form when the URL changes. A backwards
 * date range stops here with a message next to the dates, and no query is made.
 */
export function AuditFilterBar({ value, actions, instances, onApply, onClear }: {
  value: AuditUrlFilters;
  actions: string[];
  instances: InstanceOption[];
  onApply: (f: AuditUrlFilters) => void;
  onClear: () => void;
}) {
  const [rangeError, setRangeError] = useState<string | null>(() => dateRangeError(value));
  const groups = actionGroups(actions);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const text = (k: keyof AuditUrlFilters) => String(data.get(k) ?? '').trim();
    const next = { actor: text('actor'), action: text('action'), instanceId: text('instanceId'), from: text('from'), to: text('to') };
    const error = dateRangeError(next);
    setRangeError(error);
    if (error) {
      e.currentTarget.querySelector<HTMLInputElement>('input[name=to]')?.focus();
      return;
    }
    onApply(next);
  }

  const invalid = rangeError ? { 'aria-invalid': true, 'aria-describedby': 'audit-range-error' } : {};
  return (
    <form role="search" aria-label="Filter audit events" onSubmit={submit} className="mb-4 grid grid-cols-1 items-end gap-3 rounded-lg border border-line bg-surface p-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_auto_auto_auto]">
      <Field label="Actor">
        <Input name="actor" type="search" defaultValue={value.actor} placeholder="email or system:…" autoComplete="off" maxLength={200} />
      </Field>
      <Field label="Action">
        <Select name="action" defaultValue={value.action} data-testid="audit-action-select">
          <option value="">All actions</option>
          {isCustomAction(value.action, groups) ? <option value={value.action}>{value.action} (from the link)</option> : null}
          {groups.map((g) => (
            <optgroup key={g.family} label={g.family}>
              {g.all ? <option value={g.all}>every {g.family} event</option> : null}
              {g.actions.map((a) => <option key={a} value={a}>{a}</option>)}
            </optgroup>
          ))}
        </Select>
      </Field>
      <Field label="Instance">
        <Select name="instanceId" defaultValue={value.instanceId}>
          <option value="">All instances</option>
          {instances.map((i) => <option key={i.id} value={i.id}>{i.name}</option>)}
        </Select>
      </Field>
      <Field label="From">
        <Input name="from" type="date" defaultValue={value.from} {...invalid} />
      </Field>
      <Field label="To">
        <Input name="to" type="date" defaultValue={value.to} {...invalid} />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" variant="primary">Apply</Button>
        <Button type="button" variant="ghost" onClick={onClear}>Clear</Button>
      </div>
      {rangeError ? (
        <p id="audit-range-error" role="alert" className="text-sm text-danger sm:col-span-2 lg:col-span-6">
          {rangeError}
        </p>
      ) : null}
    </form>
  );
}
