'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { SourceDetailView } from '@/lib/blocklists/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input, Select } from '@/components/ui/field';
import { ConfirmDialog } from './confirm-dialog';
import { FORMAT_LABEL, refreshLabel, when } from './labels';
import { useBlocklistAction } from './use-blocklist-action';

const REFRESH = [60, 360, 1440, 10080];

/** A source's settings: moderators edit, fetch now and remove it; viewers read. */
export function SourceSettings({ source, canEdit }: { source: SourceDetailView; canEdit: boolean }) {
  const router = useRouter();
  const [status, setStatus] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const save = useBlocklistAction<Record<string, unknown>>((body) => ({ url: `/api/blocklists/sources/${source.id}`, method: 'PATCH', body }));
  const fetchNow = useBlocklistAction<void>(() => ({ url: `/api/blocklists/sources/${source.id}/fetch`, method: 'POST' }));
  const remove = useBlocklistAction<void>(() => ({ url: `/api/blocklists/sources/${source.id}`, method: 'DELETE' }));

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setStatus(null);
    const f = new FormData(e.currentTarget);
    save.mutate({
      name: String(f.get('name') ?? '').trim(),
      format: String(f.get('format')),
      trusted: f.get('trusted') === 'on',
      enabled: f.get('enabled') === 'on',
      ...(source.url ? { refreshMinutes: Number(f.get('refresh')) } : {}),
    }, { onSuccess: () => setStatus('Saved.') });
  }

  const error = save.error?.message ?? fetchNow.error?.message ?? remove.error?.message ?? null;
  const refreshChoices = REFRESH.includes(source.refreshMinutes) ? REFRESH : [...REFRESH, source.refreshMinutes].sort((a, b) => a - b);
  return (
    <Card className="space-y-3">
      <h2 className="text-sm font-semibold">Settings</h2>
      <p className="break-all text-xs text-muted">{source.url ?? 'Uploaded file'} · last fetch {when(source.lastFetchedAt)}{source.allowPrivate ? ' · local test server' : ''}</p>
      {source.lastError ? <Alert tone="error">Last fetch failed: {source.lastError}</Alert> : null}
      {canEdit ? (
        <form onSubmit={submit} className="space-y-3" aria-label="Source settings">
          <div className="grid gap-3 sm:grid-cols-3">
            <Field label="Name"><Input name="name" required maxLength={100} defaultValue={source.name} /></Field>
            <Field label="Format">
              <Select name="format" defaultValue={source.format}>{Object.entries(FORMAT_LABEL).map(([v, l]) => <option key={v} value={v}>{l}</option>)}</Select>
            </Field>
            {source.url ? (
              <Field label="Refresh">
                <Select name="refresh" defaultValue={String(source.refreshMinutes)}>{refreshChoices.map((m) => <option key={m} value={m}>every {refreshLabel(m)}</option>)}</Select>
              </Field>
            ) : null}
          </div>
          <div className="flex flex-wrap gap-x-5 gap-y-1.5 text-sm">
            <label className="flex items-center gap-2"><input type="checkbox" name="enabled" defaultChecked={source.enabled} />Enabled</label>
            <label className="flex items-center gap-2"><input type="checkbox" name="trusted" defaultChecked={source.trusted} />Trusted (enough alone)</label>
          </div>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="primary" disabled={save.isPending}>{save.isPending ? 'Saving…' : 'Save'}</Button>
            {source.url ? (
              <Button type="button" disabled={fetchNow.isPending} onClick={() => { setStatus(null); fetchNow.mutate(undefined, { onSuccess: () => setStatus('Fetch queued: the history updates when it finishes.') }); }} data-testid="blocklist-fetch-now">
                {fetchNow.isPending ? 'Queuing…' : 'Fetch now'}
              </Button>
            ) : null}
            <Button type="button" variant="ghost" className="text-danger" onClick={() => setConfirmRemove(true)}>Remove source</Button>
          </div>
        </form>
      ) : (
        <p className="text-sm">{FORMAT_LABEL[source.format]} · {source.enabled ? 'enabled' : 'disabled'}{source.trusted ? ' · trusted' : ''}{source.url ? ` · every ${refreshLabel(source.refreshMinutes)}` : ''}</p>
      )}
      <div aria-live="polite">{error ? <Alert tone="error">{error}</Alert> : status ? <p className="text-xs text-ok">{status}</p> : null}</div>
      <ConfirmDialog
        open={confirmRemove}
        title={`Remove ${source.name}?`}
        confirmLabel="Remove source"
        confirmTestId="blocklist-remove-confirm"
        danger
        busy={remove.isPending}
        onCancel={() => setConfirmRemove(false)}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => router.push('/blocklists') })}
      >
        <p>Its {source.entryCount} entries go with it. Nothing changes on your servers now: blocks it caused are proposed for removal in the next preview.</p>
      </ConfirmDialog>
    </Card>
  );
}
