'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Select, Textarea } from '@/components/ui/field';
import type { ReportActionsData } from './use-report-actions';

/** Report-level actions: assignment, resolve/reopen, category. Only what the server's API supports is shown. */
export function ReportActions({ data, busy, onSubmit }: { data: ReportActionsData; busy: boolean; onSubmit: (a: Record<string, unknown>) => void }) {
  const [comment, setComment] = useState('');
  const has = (k: string) => data.capabilities.actions.includes(k as never);
  const open = data.report.status === 'open';
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-1.5">
        {has('report.assign_to_self') ? <Button disabled={busy} onClick={() => onSubmit({ kind: 'report.assign_to_self' })}>Assign to me</Button> : null}
        {has('report.unassign') ? <Button disabled={busy} onClick={() => onSubmit({ kind: 'report.unassign' })}>Unassign</Button> : null}
        {!open && has('report.reopen') ? <Button disabled={busy} onClick={() => onSubmit({ kind: 'report.reopen' })}>Reopen</Button> : null}
        {has('report.forward') && data.target.domain ? (
          <Button disabled={busy} title={data.capabilities.notes['report.forward']} onClick={() => onSubmit({ kind: 'report.forward' })}>Forward to {data.target.domain}</Button>
        ) : null}
      </div>
      {open && has('report.resolve') ? (
        <form
          className="space-y-1.5"
          aria-label="Resolve report"
          onSubmit={(e) => {
            e.preventDefault();
            onSubmit({ kind: 'report.resolve', comment });
            setComment('');
          }}
        >
          {data.instance.kind !== 'mastodon' ? (
            <Textarea rows={2} placeholder="Resolution comment (optional)" value={comment} onChange={(e) => setComment(e.target.value)} aria-label="Resolution comment" />
          ) : null}
          <Button type="submit" variant="primary" disabled={busy}>Resolve report</Button>
        </form>
      ) : null}
      {has('report.set_category') && data.capabilities.categories.length > 0 ? (
        <label className="flex items-center gap-2 text-sm">
          <span>Category</span>
          <Select
            className="w-auto"
            value={data.report.category}
            disabled={busy}
            onChange={(e) => onSubmit({ kind: 'report.set_category', category: e.target.value })}
            name="report-category"
          >
            {[...new Set([data.report.category, ...data.capabilities.categories])].map((c) => <option key={c} value={c}>{c}</option>)}
          </Select>
        </label>
      ) : null}
    </div>
  );
}
