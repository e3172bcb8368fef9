'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { EscalationView, InboxView, MentionView } from '@/lib/notes/types';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { INBOX_REFRESH_MS } from '@/components/notes/inbox-link';
import { fetchInbox, markSeen, settleEscalation } from '@/components/notes/notes-api';
import { ago, subjectLabel } from './inbox-text';

export function InboxClient({ initial, isAdmin }: { initial: InboxView; isAdmin: boolean }) {
  const client = useQueryClient();
  const inbox = useQuery({ queryKey: ['inbox'], queryFn: fetchInbox, initialData: initial, refetchInterval: INBOX_REFRESH_MS });
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');

  async function run(name: string, fn: () => Promise<unknown>, done: string) {
    setBusy(name);
    setError(null);
    try {
      await fn();
      setSaid(done);
      await client.invalidateQueries({ queryKey: ['inbox'] });
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Something went wrong.');
      return false;
    } finally {
      setBusy(null);
    }
  }

  const { mentions, escalations } = inbox.data;
  return (
    <div className="space-y-5">
      {inbox.isError ? <Alert tone="error">Could not refresh the inbox: {inbox.error.message}</Alert> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      <p className="sr-only" aria-live="polite">{said}</p>
      <section aria-labelledby="mentions-heading" className="space-y-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="mentions-heading" className="text-sm font-semibold">Mentions ({mentions.length})</h2>
          {mentions.length > 0 ? (
            <Button type="button" onClick={() => void run('all', () => markSeen({ all: true }), 'All mentions marked seen.')} disabled={busy !== null}>
              {busy === 'all' ? 'Marking…' : 'Mark all seen'}
            </Button>
          ) : null}
        </div>
        <Card className="p-0">
          {mentions.length === 0 ? <p className="p-4 text-sm text-muted">Nothing new: no one has mentioned you since you last looked.</p> : (
            <ul className="divide-y divide-line" data-testid="inbox-mentions">
              {mentions.map((m) => (
                <MentionRow key={m.id} m={m} busy={busy === m.id} onSeen={() => void run(m.id, () => markSeen({ ids: [m.id] }), 'Marked seen.')} />
              ))}
            </ul>
          )}
        </Card>
      </section>
      {isAdmin ? (
        <section aria-labelledby="escalations-heading" className="space-y-2">
          <h2 id="escalations-heading" className="text-sm font-semibold">Open escalations ({escalations.length})</h2>
          <Card className="p-0">
            {escalations.length === 0 ? <p className="p-4 text-sm text-muted">No escalations are waiting.</p> : (
              <ul className="divide-y divide-line" data-testid="inbox-escalations">
                {escalations.map((e) => (
                  <EscalationRow key={e.id} e={e} busy={busy === e.id} onSettle={(resolution) => run(e.id, () => settleEscalation(e.id, resolution), 'Escalation settled.')} />
                ))}
              </ul>
            )}
          </Card>
        </section>
      ) : null}
    </div>
  );
}

function MentionRow({ m, busy, onSeen }: { m: MentionView; busy: boolean; onSeen: () => void }) {
  return (
    <li className="flex flex-col gap-2 p-3 text-sm sm:flex-row sm:items-start sm:justify-between" data-testid="inbox-mention">
      <div className="min-w-0 space-y-0.5">
        <p className="text-xs text-muted">
          <span className="font-medium text-ink">{m.authorLabel}</span> on <Link href={m.href} className="text-accent underline">{subjectLabel(m.subjectType, m.subjectKey)}</Link>
          {' · '}<time dateTime={m.createdAt} suppressHydrationWarning>{ago(m.createdAt)}</time>
        </p>
        <p className="break-words" dir="auto">{m.excerpt}</p>
      </div>
      <Button type="button" onClick={onSeen} disabled={busy} aria-label={`Mark seen: ${m.authorLabel} on ${subjectLabel(m.subjectType, m.subjectKey)}`} className="shrink-0 self-start">
        {busy ? 'Marking…' : 'Mark seen'}
      </Button>
    </li>
  );
}

function EscalationRow({ e, busy, onSettle }: { e: EscalationView; busy: boolean; onSettle: (resolution: string) => Promise<boolean> }) {
  const [note, setNote] = useState('');
  return (
    <li className="space-y-2 p-3 text-sm" data-testid="inbox-escalation">
      <p className="flex flex-wrap items-center gap-1.5 text-xs text-muted">
        <Badge tone="warn">Escalated</Badge>
        <Link href={e.href} className="text-accent underline">{subjectLabel(e.subjectType, e.subjectKey)}</Link>
        <span>by <span className="font-medium text-ink">{e.raisedByLabel}</span>{e.assigneeLabel ? `, to ${e.assigneeLabel}` : ''}</span>
        <span>· <time dateTime={e.createdAt} suppressHydrationWarning>{ago(e.createdAt)}</time></span>
      </p>
      <p className="whitespace-pre-wrap break-words" dir="auto">{e.reason}</p>
      <form onSubmit={(ev) => { ev.preventDefault(); void onSettle(note.trim()).then((ok) => ok && setNote('')); }} className="flex flex-wrap items-end gap-2" aria-label={`Settle the escalation on ${subjectLabel(e.subjectType, e.subjectKey)}`}>
        <label className="min-w-0 flex-1 space-y-1">
          <span className="text-sm font-medium">What was decided</span>
          <input value={note} onChange={(ev) => setNote(ev.target.value)} maxLength={1000} required name="resolution" className="w-full rounded-md border border-line bg-surface px-2.5 py-1.5 text-sm" />
        </label>
        <Button type="submit" disabled={busy || !note.trim()}>{busy ? 'Settling…' : 'Settle'}</Button>
      </form>
    </li>
  );
}
