'use client';

/** The team's tags on a subject: chips (each with its own remove button) and an input with the team's known tags. */
import { useId, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { changeTags, fetchKnownTags, fetchSubjectTags } from '@/components/notes/notes-api';

type SubjectType = 'report' | 'account' | 'domain' | 'case';

export function SubjectTags({ subjectType, subjectKey, canEdit }: { subjectType: SubjectType; subjectKey: string; canEdit: boolean }) {
  const id = useId();
  const client = useQueryClient();
  const key = ['subject-tags', subjectType, subjectKey];
  const tags = useQuery({ queryKey: key, queryFn: async () => (await fetchSubjectTags({ subjectType, subjectKey })).tags });
  const known = useQuery({ queryKey: ['known-tags'], queryFn: async () => (await fetchKnownTags()).tags, enabled: canEdit, staleTime: 60_000 });
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');

  async function change(c: { add?: string[]; remove?: string[] }, done: string) {
    setBusy(true);
    setError(null);
    try {
      await changeTags({ subjectType, subjectKeys: [subjectKey] }, c);
      setSaid(done);
      await Promise.all([client.invalidateQueries({ queryKey: key }), client.invalidateQueries({ queryKey: ['known-tags'] }), client.invalidateQueries({ queryKey: ['queue'] })]);
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not change the tags.');
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function add(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const tag = draft.trim();
    if (!tag) return;
    if (await change({ add: [tag] }, `Tag ${tag.toLowerCase()} added.`)) setDraft('');
  }

  const list = tags.data ?? [];
  return (
    <section aria-labelledby={`${id}-h`} className="space-y-2" data-testid="subject-tags">
      <h3 id={`${id}-h`} className="text-sm font-semibold">Tags</h3>
      {tags.isError ? <Alert tone="error">Could not load the tags: {tags.error.message}</Alert> : null}
      {list.length === 0 ? <p className="text-sm text-muted">{tags.isPending ? 'Loading tags…' : 'No tags.'}</p> : (
        <ul className="flex flex-wrap gap-1.5" aria-label="Tags">
          {list.map((t) => (
            <li key={t} className="inline-flex items-center gap-1 rounded bg-subtle px-1.5 py-0.5 text-xs font-medium text-ink" data-testid="tag-chip">
              <span>{t}</span>
              {canEdit ? (
                <button type="button" aria-label={`Remove tag ${t}`} disabled={busy} onClick={() => void change({ remove: [t] }, `Tag ${t} removed.`)} className="rounded px-0.5 text-muted hover:text-danger focus-visible:outline-2 focus-visible:outline-accent">
                  <span aria-hidden="true">×</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <form onSubmit={(e) => void add(e)} className="flex flex-wrap items-end gap-2" aria-label="Add a tag">
          <label className="min-w-0 flex-1 space-y-1">
            <span className="text-sm font-medium">Add a tag</span>
            <input
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              list={`${id}-known`}
              maxLength={32}
              name="tag"
              autoComplete="off"
              className="w-full rounded-md border border-line bg-surface px-2.5 py-1.5 text-sm"
            />
          </label>
          <datalist id={`${id}-known`}>
            {(known.data ?? []).filter((k) => !list.includes(k.tag)).map((k) => <option key={k.tag} value={k.tag}>{`${k.tag} (${k.count})`}</option>)}
          </datalist>
          <Button type="submit" disabled={busy || !draft.trim()}>Add</Button>
        </form>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      <p className="sr-only" aria-live="polite">{said}</p>
    </section>
  );
}
