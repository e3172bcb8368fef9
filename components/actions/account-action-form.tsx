'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Select, Textarea } from '@/components/ui/field';
import type { ReportActionsData } from './use-report-actions';

const TYPES = [
  { value: 'none', label: 'Warn (send a warning only)' },
  { value: 'sensitive', label: 'Mark media as sensitive' },
  { value: 'disable', label: 'Disable login' },
  { value: 'silence', label: 'Limit (silence)' },
  { value: 'suspend', label: 'Suspend' },
];

const UNDO = [
  { value: 'unsuspend', label: 'Unsuspend', flag: 'suspended' },
  { value: 'unsilence', label: 'Unlimit', flag: 'silenced' },
  { value: 'unsensitive', label: 'Undo sensitive', flag: 'sensitized' },
  { value: 'enable', label: 'Re-enable login', flag: 'disabled' },
] as const;

export function AccountActionForm({ data, busy, onSubmit }: { data: ReportActionsData; busy: boolean; onSubmit: (a: Record<string, unknown>) => void }) {
  const allowed = TYPES.filter((t) => !data.capabilities.accountActionTypes || data.capabilities.accountActionTypes.includes(t.value as never));
  const [type, setType] = useState(allowed[0]?.value ?? 'none');
  const [text, setText] = useState('');
  const [notify, setNotify] = useState(true);
  const caps = data.capabilities;
  if (!caps.actions.includes('account.action')) return null;
  const textField = caps.accountActionText;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (type === 'suspend' && !window.confirm(`Suspend ${data.target.acct}? ${caps.notes['account.action'] ?? ''}`)) return;
    onSubmit({ kind: 'account.action', type, text, notify });
    setText('');
  };
  return (
    <form onSubmit={submit} className="space-y-2" aria-label="Account action">
      <Field label={`Action on ${data.target.acct}`}>
        <Select value={type} onChange={(e) => setType(e.target.value)} name="account-action-type">
          {allowed.map((t) => <option key={t.value} value={t.value}>{t.label}</option>)}
        </Select>
      </Field>
      {textField ? (
        <Field label={textField.label} hint={textField.hint}>
          <Textarea rows={2} value={text} onChange={(e) => setText(e.target.value)} name="account-action-text" />
        </Field>
      ) : null}
      {caps.accountActionNotifies ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={notify} onChange={(e) => setNotify(e.target.checked)} /> Notify the user by email
        </label>
      ) : null}
      {caps.notes['account.action'] ? <p className="text-xs text-muted">{caps.notes['account.action']}</p> : null}
      <Button type="submit" variant={type === 'suspend' ? 'danger' : 'primary'} disabled={busy}>Apply to account</Button>
      {caps.actions.includes('account.undo') ? (
        <div className="flex flex-wrap gap-1.5 pt-1">
          {UNDO.filter((u) => data.target[u.flag] && (!caps.accountUndoTypes || caps.accountUndoTypes.includes(u.value))).map((u) => (
            <Button key={u.value} type="button" disabled={busy} onClick={() => onSubmit({ kind: 'account.undo', type: u.value })}>{u.label}</Button>
          ))}
        </div>
      ) : null}
    </form>
  );
}
