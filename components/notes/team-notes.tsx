'use client';

/**
 * The team's notes on a report, account or domain: ours, kept in our database and never sent to the server (so
 * they work on Mastodon too, whose API cannot store them). Oldest first; @names reach colleagues' inboxes.
 */
import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { MentionTextarea } from './mention-textarea';
import { fetchNotes, postNote } from './notes-api';

export function TeamNotes({ subjectType, subjectKey, canWrite }: { subjectType: 'report' | 'account' | 'domain'; subjectKey: string; canWrite: boolean }) {
  const client = useQueryClient();
  const key = ['team-notes', subjectType, subjectKey];
  const notes = useQuery({ queryKey: key, queryFn: async () => (await fetchNotes({ subjectType, subjectKey })).notes, refetchInterval: 60_000 });
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!body.trim() || busy) return;
    setBusy(true);
    setError(null);
    try {
      const out = await postNote({ subjectType, subjectKey }, body.trim());
      setBody('');
      setSaid(out.mentioned.length ? `Note added; ${out.mentioned.length} colleague${out.mentioned.length === 1 ? '' : 's'} told.` : 'Note added.');
      await client.invalidateQueries({ queryKey: key });
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Could not add the note.');
    } finally {
      setBusy(false);
    }
  }

  const list = notes.data ?? [];
  const headingId = `team-notes-${subjectType}`;
  return (
    <section aria-labelledby={headingId} className="space-y-2" data-testid="team-notes">
      <h3 id={headingId} className="text-sm font-semibold">Team notes{notes.data ? ` (${list.length})` : ''}</h3>
      <p className="text-xs text-muted">Kept here for the team, never sent to the server.</p>
      {notes.isError ? <Alert tone="error">Could not load the notes: {notes.error.message}</Alert> : null}
      {notes.isPending ? <p className="text-sm text-muted">Loading notes…</p> : list.length === 0 ? <p className="text-sm text-muted">No notes yet.</p> : (
        <ul className="space-y-2">
          {list.map((n) => (
            <li key={n.id} className="text-sm" data-testid="team-note">
              <p className="text-xs text-muted">{n.authorLabel} · <time dateTime={n.createdAt} suppressHydrationWarning>{new Date(n.createdAt).toLocaleString()}</time></p>
              <p className="whitespace-pre-wrap break-words" dir="auto">{n.body}</p>
            </li>
          ))}
        </ul>
      )}
      {canWrite ? (
        <form onSubmit={(e) => void submit(e)} className="space-y-2" aria-label="Add a team note">
          <MentionTextarea label="New note" name="team-note" value={body} onChange={setBody} disabled={busy} />
          <Button type="submit" disabled={busy || !body.trim()}>{busy ? 'Saving…' : 'Add team note'}</Button>
          {error ? <Alert tone="error">{error}</Alert> : null}
        </form>
      ) : null}
      <p className="sr-only" aria-live="polite">{said}</p>
    </section>
  );
}
