'use client';

/**
 * Named queue filters: pick one (yours, or shared by the team) to apply it, save the current filter under a name,
 * delete one. The picker shows which saved filter the queue is on, by comparing queries the way the server stores
 * them (filter keys sorted, no cursor or limit).
 */
import { useId, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SavedFilterItem } from '@/lib/saved-filters/types';
import { requestJson } from '@/components/api/request';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/field';

const KEY = ['saved-filters'] as const;

export function comparableQuery(query: string): string {
  const sp = new URLSearchParams(query.replace(/^\?/, ''));
  const out = [...sp.entries()].filter(([k, v]) => v !== '' && k !== 'cursor' && k !== 'limit').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new URLSearchParams(out).toString();
}

export function SavedFilters({ currentQuery, onApply }: { currentQuery: string; onApply: (query: string) => void }) {
  const id = useId();
  const client = useQueryClient();
  const list = useQuery({ queryKey: KEY, queryFn: () => requestJson<{ filters: SavedFilterItem[] }>('/api/saved-filters'), staleTime: 60_000 });
  const filters = list.data?.filters ?? [];
  const current = filters.find((f) => comparableQuery(f.query) === comparableQuery(currentQuery)) ?? null;
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  const create = useMutation({
    mutationFn: () => requestJson<SavedFilterItem>('/api/saved-filters', { method: 'POST', body: { name: name.trim(), query: currentQuery, shared } }),
    onSuccess: async (f) => {
      setSaving(false); setName(''); setShared(false);
      setMessage({ tone: 'ok', text: `Saved “${f.name}”.` });
      await client.invalidateQueries({ queryKey: KEY });
    },
    onError: (e: Error) => setMessage({ tone: 'error', text: e.message }),
  });
  const remove = useMutation({
    mutationFn: (f: SavedFilterItem) => requestJson<{ id: string }>(`/api/saved-filters/${f.id}`, { method: 'DELETE' }),
    onSuccess: async (_r, f) => {
      setConfirmDelete(false);
      setMessage({ tone: 'ok', text: `Deleted “${f.name}”.` });
      await client.invalidateQueries({ queryKey: KEY });
    },
    onError: (e: Error) => { setConfirmDelete(false); setMessage({ tone: 'error', text: e.message }); },
  });

  const mine = filters.filter((f) => f.mine);
  const team = filters.filter((f) => !f.mine);
  return (
    <div data-testid="saved-filters" className="flex min-w-0 flex-wrap items-center gap-2 text-sm">
      <label htmlFor={`${id}-pick`} className="font-medium">Saved filters</label>
      {/* Select is full width by default; the wrapper sets its width so the controls share one line. */}
      <div className="w-full min-w-0 sm:w-64">
        <Select
          id={`${id}-pick`}
        
          value={current?.id ?? ''}
          disabled={list.isLoading || filters.length === 0}
          onChange={(e) => {
            setConfirmDelete(false); setMessage(null);
            const f = filters.find((x) => x.id === e.target.value);
            if (f) onApply(f.query);
          }}
        >
          <option value="">{list.isLoading ? 'Loading…' : filters.length === 0 ? 'None saved yet' : 'Choose a saved filter…'}</option>
          {mine.length > 0 ? <optgroup label="Mine">{mine.map((f) => <option key={f.id} value={f.id}>{f.name}{f.shared ? ' (shared)' : ''}</option>)}</optgroup> : null}
          {team.length > 0 ? <optgroup label="Shared by the team">{team.map((f) => <option key={f.id} value={f.id}>{f.name} (shared by {f.ownerLabel})</option>)}</optgroup> : null}
        </Select>
      </div>
      {current && !confirmDelete ? (
        <Button type="button" variant="ghost" onClick={() => setConfirmDelete(true)} aria-label={`Delete saved filter ${current.name}`}>Delete</Button>
      ) : null}
      {current && confirmDelete ? (
        <span className="flex flex-wrap items-center gap-1">
          <span>Delete “{current.name}”{current.shared ? ' for the whole team' : ''}?</span>
          <Button type="button" variant="danger" disabled={remove.isPending} onClick={() => remove.mutate(current)}>Delete</Button>
          <Button type="button" variant="ghost" onClick={() => setConfirmDelete(false)}>Keep</Button>
        </span>
      ) : null}
      {!saving ? (
        <Button type="button" onClick={() => { setSaving(true); setMessage(null); }}>Save current…</Button>
      ) : (
        <form
          aria-label="Save the current filter"
          className="flex w-full flex-wrap items-center gap-2 sm:w-auto"
          onSubmit={(e) => { e.preventDefault(); if (name.trim()) create.mutate(); }}
        >
          <label htmlFor={`${id}-name`} className="sr-only">Name of the filter</label>
          <Input id={`${id}-name`} className="w-48 max-w-full" value={name} maxLength={60} placeholder="Name, e.g. Spam, oldest first" onChange={(e) => setName(e.target.value)} autoFocus />
          <label className="flex items-center gap-1">
            <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} /> Share with the team
          </label>
          <Button type="submit" variant="primary" disabled={create.isPending || !name.trim()}>{create.isPending ? 'Saving…' : 'Save'}</Button>
          <Button type="button" variant="ghost" onClick={() => setSaving(false)}>Cancel</Button>
        </form>
      )}
      <span role="status" aria-live="polite" className={message?.tone === 'error' ? 'text-danger' : 'text-muted'}>{message?.text ?? ''}</span>
    </div>
  );
}
