'use client';

/**
 * "Escalate to an admin": a short reason (and, if wanted, which admin) flags the subject until an admin or the
 * owner settles it. While open, everyone sees who raised it and why; admins settle it here with a short note.
 */
import { useId, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { fetchEscalations, raiseEscalationCall, settleEscalation } from '@/components/notes/notes-api';
import { useMembers } from '@/components/notes/use-members';
import type { EscalationView } from '@/lib/notes/types';

type SubjectType = 'report' | 'account' | 'domain' | 'case';
const input = 'w-full rounded-md border border-line bg-surface px-2.5 py-1.5 text-sm';

export function EscalateControl({ subjectType, subjectKey, canRaise }: { subjectType: SubjectType; subjectKey: string; canRaise: boolean }) {
  const id = useId();
  const client = useQueryClient();
  const key = ['escalations', subjectType, subjectKey];
  const q = useQuery({ queryKey: key, queryFn: () => fetchEscalations({ subjectType, subjectKey }), refetchInterval: 60_000 });
  const members = useMembers(canRaise);
  // The route answers whether I may settle (admins and owners); the resolve route checks again.
  const canSettle = q.data?.canSettle ?? false;
  const open = q.data?.escalations.find((e) => e.resolvedAt === null) ?? null;
  const [form, setForm] = useState(false);
  const [reason, setReason] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const admins = (members.data ?? []).filter((m) => m.role === 'admin' || m.role === 'owner');

  async function run(fn: () => Promise<unknown>, done: string) {
    setBusy(true);
    setError(null);
    try {
      await fn();
      setSaid(done);
      await Promise.all([client.invalidateQueries({ queryKey: key }), client.invalidateQueries({ queryKey: ['inbox'] }), client.invalidateQueries({ queryKey: ['queue'] })]);
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Something went wrong.');
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function raise(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (await run(() => raiseEscalationCall({ subjectType, subjectKey }, reason.trim(), assigneeId || null), 'Escalated to an admin.')) { setForm(false); setReason(''); }
  }

  return (
    <section aria-labelledby={`${id}-h`} className="space-y-2" data-testid="escalation" data-open={open ? 'true' : 'false'}>
      <h3 id={`${id}-h`} className="text-sm font-semibold">Escalation</h3>
      {q.isError ? <Alert tone="error">Could not load escalations: {q.error.message}</Alert> : null}
      {open ? (
        <OpenEscalation e={open} canSettle={canSettle} busy={busy} onSettle={(resolution) => run(() => settleEscalation(open.id, resolution), 'Escalation settled.')} />
      ) : canRaise && !form ? (
        <Button type="button" onClick={() => setForm(true)}>Escalate to an admin</Button>
      ) : !canRaise ? <p className="text-sm text-muted">{q.isPending ? 'Loading…' : 'Not escalated.'}</p> : null}
      {!open && canRaise && form ? (
        <form onSubmit={(e) => void raise(e)} className="space-y-2" aria-label="Escalate to an admin">
          <label className="block space-y-1">
            <span className="text-sm font-medium">Why should an admin look?</span>
            <textarea className={input} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} minLength={3} maxLength={500} required name="reason" autoFocus />
          </label>
          <label className="block space-y-1">
            <span className="text-sm font-medium">Ask</span>
            <select className={input} value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)} name="assignee">
              <option value="">Any admin</option>
              {admins.map((a) => <option key={a.id} value={a.id}>{a.label}</option>)}
            </select>
          </label>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="primary" disabled={busy || reason.trim().length < 3}>{busy ? 'Escalating…' : 'Escalate'}</Button>
            <Button type="button" variant="ghost" onClick={() => setForm(false)}>Cancel</Button>
          </div>
        </form>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      <p className="sr-only" aria-live="polite">{said}</p>
    </section>
  );
}

function OpenEscalation({ e, canSettle, busy, onSettle }: { e: EscalationView; canSettle: boolean; busy: boolean; onSettle: (resolution: string) => Promise<boolean> }) {
  const [note, setNote] = useState('');
  return (
    <div className="space-y-2 rounded-md border border-line bg-warn-soft px-3 py-2 text-sm" data-testid="escalation-open">
      <p><span className="font-medium">Escalated by {e.raisedByLabel}</span>{e.assigneeLabel ? ` (to ${e.assigneeLabel})` : ''}: <span className="whitespace-pre-wrap break-words" dir="auto">{e.reason}</span></p>
      <p className="text-xs text-ink"><time dateTime={e.createdAt} suppressHydrationWarning>{new Date(e.createdAt).toLocaleString()}</time></p>
      {canSettle ? (
        <form onSubmit={(ev) => { ev.preventDefault(); void onSettle(note.trim()).then((ok) => ok && setNote('')); }} className="flex flex-wrap items-end gap-2" aria-label="Settle the escalation">
          <label className="min-w-0 flex-1 space-y-1">
            <span className="text-sm font-medium">What was decided</span>
            <input className={input} value={note} onChange={(ev) => setNote(ev.target.value)} maxLength={1000} required name="resolution" />
          </label>
          <Button type="submit" disabled={busy || !note.trim()}>{busy ? 'Settling…' : 'Settle'}</Button>
        </form>
      ) : null}
    </div>
  );
}
