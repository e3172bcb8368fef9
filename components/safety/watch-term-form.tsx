'use client';

import { useId, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { WATCH_KINDS, type WatchKind } from '@/lib/watch/types';
import { sendJson } from '@/components/auth/send-json';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import { InstancePicker } from './instance-picker';
import type { InstanceOption } from './rules-table';

const answer = z.object({ term: z.object({ id: z.string(), value: z.string() }) });
const KIND_LABEL: Record<WatchKind, string> = { hashtag: 'Hashtag', keyword: 'Keyword', domain: 'Link domain' };
const PLACEHOLDER: Record<WatchKind, string> = { hashtag: '#example', keyword: 'a word or phrase', domain: 'example.org' };

export function WatchTermForm({ instances, onSaved }: { instances: InstanceOption[]; onSaved: (text: string) => void }) {
  const id = useId();
  const [kind, setKind] = useState<WatchKind>('hashtag');
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [ids, setIds] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const res = await sendJson('/api/watch/terms', 'POST', { kind, value, note, instanceIds: ids }, answer);
    setBusy(false);
    if (!res.ok) return setError(res.message);
    setValue(''); setNote(''); setIds([]);
    onSaved(`Watching ${res.data.term.value}.`);
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-3" data-testid="watch-term-form" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} className="text-sm font-semibold">Watch a term</h3>
      <div className="grid gap-3 sm:grid-cols-[10rem_minmax(0,1fr)]">
        <Field label="Kind">
          <Select name="kind" value={kind} onChange={(e) => setKind(WATCH_KINDS.find((k) => k === e.target.value) ?? 'hashtag')}>
            {WATCH_KINDS.map((k) => <option key={k} value={k}>{KIND_LABEL[k]}</option>)}
          </Select>
        </Field>
        <Field label="Value"><Input name="value" required maxLength={200} placeholder={PLACEHOLDER[kind]} value={value} onChange={(e) => setValue(e.target.value)} /></Field>
      </div>
      <Field label="Note" hint="Why it is watched, for the team."><Input name="note" maxLength={300} value={note} onChange={(e) => setNote(e.target.value)} /></Field>
      <InstancePicker legend="Instances" hint="None checked: every instance." options={instances} value={ids} onChange={setIds} idPrefix={`${id}-inst`} />
      <p role="status" aria-live="polite" className="text-sm text-danger">{error ?? ''}</p>
      <Button type="submit" variant="primary" disabled={busy} data-testid="watch-term-save">{busy ? 'Adding…' : 'Add term'}</Button>
    </form>
  );
}
