'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Select, Textarea } from '@/components/ui/field';
import type { AccountActionType } from '@/lib/connectors/types';
import { ACCOUNT_ACTION_LABELS, ACCOUNT_UNDO_LABELS } from './labels';
import { permanenceOf } from './permanence';
import { PermanenceMark } from './permanence-mark';
import type { ReportActionsData } from './use-report-actions';

const TYPES = (Object.keys(ACCOUNT_ACTION_LABELS) as AccountActionType[]).map((value) => ({ value, label: ACCOUNT_ACTION_LABELS[value] }));

const UNDO = [
  { value: 'unsuspend', flag: 'suspended' },
  { value: 'unsilence', flag: 'silenced' },
  { value: 'unsensitive', flag: 'sensitized' },
  { value: 'enable', flag: 'disabled' },
] as const;

export function AccountActionForm({ data, busy, onSubmit }: { data: ReportActionsData; busy: boolean; onSubmit: (a: Record<string, unknown>) => void }) {
  const allowed = TYPES.filter((t) => !data.capabilities.accountActionTypes || data.capabilities.accountActionTypes.includes(t.value as never));
  const [type, setType] = useState<string>(allowed[0]?.value ?? 'none');
  const [text, setText] = useState('');
  const [notify, setNotify] = useState(true);
  const caps = data.capabilities;
  if (!caps.actions.includes('account.action')) return null;
  const textField = caps.accountActionText;
  const permanence = permanenceOf({ kind: 'account.action', type }, caps);
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
      <div className="flex flex-wrap items-center gap-2">
        {/* Suspending is serious but reversible where the server can unsuspend: the style follows permanence, not fear. */}
        <Button type="submit" variant={permanence.permanent ? 'danger' : 'primary'} disabled={busy}>Apply to account</Button>
        <PermanenceMark p={permanence} />
      </div>
      {caps.actions.includes('account.undo') ? (
        <div className="flex flex-wrap gap-1.5 pt-1">
          {UNDO.filter((u) => data.target[u.flag] && (!caps.accountUndoTypes || caps.accountUndoTypes.includes(u.value))).map((u) => (
            <Button key={u.value} type="button" disabled={busy} onClick={() => onSubmit({ kind: 'account.undo', type: u.value })}>{ACCOUNT_UNDO_LABELS[u.value]}</Button>
          ))}
        </div>
      ) : null}
    </form>
  );
}
