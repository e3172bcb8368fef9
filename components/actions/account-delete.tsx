'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { Badge } from '@/components/ui/badge';
import type { ReportActionsData } from './use-report-actions';

/**
 * Permanent account deletion, for admins only (the server refuses it for moderators too). The handle must be
 * typed to confirm, and the server checks the same thing, so neither a stray click nor a forged request does it.
 */
export function AccountDelete({ data, busy, onSubmit }: { data: ReportActionsData; busy: boolean; onSubmit: (a: Record<string, unknown>) => void }) {
  const [confirm, setConfirm] = useState('');
  const [reason, setReason] = useState('');
  const caps = data.capabilities;
  if (!caps.actions.includes('account.delete')) return null;
  if (!data.canDeleteAccounts) {
    return <p className="text-xs text-muted">Deleting the account for good is for admins ({caps.notes['account.delete'] ?? ''}).</p>;
  }
  const matches = confirm.trim().replace(/^@/, '').toLowerCase() === data.target.acct.toLowerCase();
  return (
    <details className="rounded-md border border-line p-2 text-sm">
      <summary className="cursor-pointer font-medium text-danger">Delete account permanently…</summary>
      <p className="mt-2"><Badge tone="danger">Permanent</Badge> <span className="text-xs text-muted">The account and its content are deleted for good.</span></p>
      <form
        className="mt-2 space-y-2"
        aria-label="Delete account permanently"
        onSubmit={(e) => {
          e.preventDefault();
          if (!matches) return;
          onSubmit({ kind: 'account.delete', confirm, reason });
          setConfirm('');
          setReason('');
        }}
      >
        {caps.notes['account.delete'] ? <p className="text-xs text-muted">{caps.notes['account.delete']}</p> : null}
        <Field label="Reason (kept in the audit log and sent where the server takes one)">
          <Input value={reason} onChange={(e) => setReason(e.target.value)} name="account-delete-reason" maxLength={5000} />
        </Field>
        <Field label={`Type ${data.target.acct} to confirm`}>
          <Input value={confirm} onChange={(e) => setConfirm(e.target.value)} name="account-delete-confirm" autoComplete="off" spellCheck={false} />
        </Field>
        <Button type="submit" variant="danger" disabled={busy || !matches}>Delete account permanently</Button>
      </form>
    </details>
  );
}
