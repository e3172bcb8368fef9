'use client';

import { useState, type FormEvent } from 'react';
import type { CaseNoteView } from '@/lib/cases/types';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { MentionTextarea } from '@/components/notes/mention-textarea';

/** Notes moderators keep on the case (ours, oldest first; @names reach colleagues); viewers read them but get no form. */
export function CaseNotes({ notes, canAdd, busy, onAdd }: { notes: CaseNoteView[]; canAdd: boolean; busy: boolean; onAdd: (body: string) => Promise<boolean> }) {
  const [body, setBody] = useState('');
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!body.trim()) return;
    if (await onAdd(body.trim())) setBody('');
  }
  return (
    <section aria-labelledby="case-notes-heading" className="space-y-2">
      <h2 id="case-notes-heading" className="text-sm font-semibold">Notes ({notes.length})</h2>
      <Card className="space-y-3">
        {notes.length === 0 ? <p className="text-sm text-muted">No notes yet.</p> : (
          <ul className="space-y-2">
            {notes.map((n) => (
              <li key={n.id} className="text-sm" data-testid="case-note">
                <p className="text-xs text-muted">{n.authorLabel} · <time dateTime={n.createdAt} suppressHydrationWarning>{new Date(n.createdAt).toLocaleString()}</time></p>
                <p className="whitespace-pre-wrap break-words" dir="auto">{n.body}</p>
              </li>
            ))}
          </ul>
        )}
        {canAdd ? (
          <form onSubmit={(e) => void submit(e)} className="space-y-2" aria-label="Add note">
            <MentionTextarea label="New note" name="note" value={body} onChange={setBody} maxLength={5000} />
            <Button type="submit" disabled={busy || !body.trim()}>{busy ? 'Saving…' : 'Add note'}</Button>
          </form>
        ) : null}
      </Card>
    </section>
  );
}
