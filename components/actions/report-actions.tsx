'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Select, Textarea } from '@/components/ui/field';
import { kindLabel } from './labels';
import { permanenceOf } from './permanence';
import { PermanenceMark } from './permanence-mark';
import type { ReportActionsData } from './use-report-actions';

export function forwardConfirmText(domain: string): string {
  return `Send this report to ${domain} as an ActivityPub Flag? The remote moderators will see the comment.`;
}

/** Report-level actions: assignment, resolve/reject/reopen, notes, category. Only what the server's API supports is shown. */
export function ReportActions({ data, busy, onSubmit }: { data: ReportActionsData; busy: boolean; onSubmit: (a: Record<string, unknown>) => void }) {
  const [comment, setComment] = useState('');
  const has = (k: string) => data.capabilities.actions.includes(k as never);
  const open = data.report.status === 'open';
  // Where the server keeps no resolution comment (Mastodon, Misskey, Lemmy) the box would promise what it drops.
  const takesComment = data.capabilities.resolveTakesComment === true;
  // Forwarding cannot be taken back: another server's moderators get the report, so the button asks first.
  const forward = (domain: string) => {
    if (window.confirm(forwardConfirmText(domain))) onSubmit({ kind: 'report.forward' });
  };
  const close = (kind: 'report.resolve' | 'report.reject') => {
    onSubmit({ kind, comment });
    setComment('');
  };
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-1.5">
        {has('report.assign_to_self') ? <Button disabled={busy} onClick={() => onSubmit({ kind: 'report.assign_to_self' })}>Assign to me</Button> : null}
        {has('report.unassign') ? <Button disabled={busy} onClick={() => onSubmit({ kind: 'report.unassign' })}>Unassign</Button> : null}
        {!open && has('report.reopen') ? <Button disabled={busy} onClick={() => onSubmit({ kind: 'report.reopen' })}>Reopen</Button> : null}
        {has('report.forward') && data.target.domain ? (
          <span className="inline-flex flex-wrap items-center gap-1.5">
            <Button disabled={busy} title={data.capabilities.notes['report.forward']} onClick={() => forward(data.target.domain ?? '')}>Forward to {data.target.domain}</Button>
            <PermanenceMark p={permanenceOf({ kind: 'report.forward' }, data.capabilities)} />
          </span>
        ) : null}
      </div>
      {open && has('report.resolve') ? (
        <form
          className="space-y-1.5"
          aria-label="Resolve report"
          onSubmit={(e) => {
            e.preventDefault();
            close('report.resolve');
          }}
        >
          {takesComment ? (
            <Textarea rows={2} placeholder="Resolution comment (optional)" value={comment} onChange={(e) => setComment(e.target.value)} aria-label="Resolution comment" />
          ) : null}
          <div className="flex flex-wrap gap-1.5">
            <Button type="submit" variant="primary" disabled={busy} title={data.capabilities.notes['report.resolve']}>{kindLabel('report.resolve')}</Button>
            {has('report.reject') ? (
              <Button type="button" disabled={busy} title={data.capabilities.notes['report.reject']} onClick={() => close('report.reject')}>{kindLabel('report.reject')}</Button>
            ) : null}
            <span className="self-center"><PermanenceMark p={permanenceOf({ kind: 'report.resolve' }, data.capabilities)} /></span>
          </div>
        </form>
      ) : null}
      {has('report.note') ? <NoteForm data={data} busy={busy} onSubmit={onSubmit} /> : null}
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

/** A note written on the server, where the team's other moderators (in the native admin) will see it too. */
function NoteForm({ data, busy, onSubmit }: { data: ReportActionsData; busy: boolean; onSubmit: (a: Record<string, unknown>) => void }) {
  const [text, setText] = useState('');
  return (
    <form
      className="space-y-1.5"
      aria-label="Add a note on the server"
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return;
        onSubmit({ kind: 'report.note', text });
        setText('');
      }}
    >
      <Textarea rows={2} placeholder={`Note for ${data.instance.name}'s moderators`} value={text} onChange={(e) => setText(e.target.value)} aria-label="Note on the server" maxLength={3000} />
      {data.capabilities.notes['report.note'] ? <p className="text-xs text-muted">{data.capabilities.notes['report.note']}</p> : null}
      <Button type="submit" disabled={busy || !text.trim()}>Add note</Button>
    </form>
  );
}
