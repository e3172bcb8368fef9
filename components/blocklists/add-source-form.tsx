'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input, Select } from '@/components/ui/field';
import { FORMAT_LABEL } from './labels';
import { useBlocklistAction } from './use-blocklist-action';

const MAX_UPLOAD = 10 * 1024 * 1024;
const REFRESH = [[60, 'Every hour'], [360, 'Every 6 hours'], [1440, 'Every day'], [10080, 'Every week']] as const;

/** Subscribe to a list by URL, or upload a file once. Moderators and up; the private-address box is for owners. */
export function AddSourceForm({ canAllowPrivate }: { canAllowPrivate: boolean }) {
  const router = useRouter();
  const [mode, setMode] = useState<'url' | 'file'>('url');
  const [localError, setLocalError] = useState<string | null>(null);
  const add = useBlocklistAction<Record<string, unknown>, { id: string }>((body) => ({ url: '/api/blocklists/sources', method: 'POST', body }));

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setLocalError(null);
    const f = new FormData(e.currentTarget);
    const common = {
      name: String(f.get('name') ?? '').trim() || undefined,
      format: String(f.get('format') ?? 'auto'),
      trusted: f.get('trusted') === 'on',
    };
    let body: Record<string, unknown>;
    if (mode === 'url') {
      body = { ...common, url: String(f.get('url') ?? '').trim(), refreshMinutes: Number(f.get('refresh')), ...(canAllowPrivate ? { allowPrivate: f.get('allowPrivate') === 'on' } : {}) };
    } else {
      const file = f.get('file');
      if (!(file instanceof File) || file.size === 0) return setLocalError('Choose a file first.');
      if (file.size > MAX_UPLOAD) return setLocalError('The file is larger than 10 MB.');
      body = { ...common, upload: { filename: file.name, text: await file.text() } };
    }
    add.mutate(body, { onSuccess: (r) => router.push(`/blocklists/sources/${r.id}`) });
  }

  const error = localError ?? add.error?.message ?? null;
  return (
    <Card className="space-y-3">
      <h2 className="text-sm font-semibold">Add a source</h2>
      <fieldset className="flex flex-wrap gap-3 text-sm">
        <legend className="sr-only">Where the list comes from</legend>
        <label className="flex items-center gap-1.5"><input type="radio" name="mode" checked={mode === 'url'} onChange={() => setMode('url')} />URL (fetched on a schedule)</label>
        <label className="flex items-center gap-1.5"><input type="radio" name="mode" checked={mode === 'file'} onChange={() => setMode('file')} />Upload a file</label>
      </fieldset>
      <form onSubmit={(e) => void submit(e)} className="space-y-3" aria-label="Add a blocklist source">
        {mode === 'url' ? (
          <Field label="List URL" hint="A Mastodon CSV export, one domain per line, or a server's /api/v1/instance/domain_blocks.">
            <Input name="url" type="url" required inputMode="url" placeholder="https://example.org/blocklist.csv" data-testid="blocklist-add-url" />
          </Field>
        ) : (
          <Field label="File" hint="Up to 10 MB. Bad lines are listed; the good ones still count.">
            <Input name="file" type="file" required accept=".csv,.txt,.json,text/csv,text/plain,application/json" data-testid="blocklist-add-file" />
          </Field>
        )}
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Name (optional)"><Input name="name" maxLength={100} placeholder={mode === 'url' ? "the URL's host" : 'the file name'} /></Field>
          <Field label="Format">
            <Select name="format" defaultValue="auto">
              {Object.entries(FORMAT_LABEL).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
            </Select>
          </Field>
          {mode === 'url' ? (
            <Field label="Refresh">
              <Select name="refresh" defaultValue="360">{REFRESH.map(([m, l]) => <option key={m} value={m}>{l}</option>)}</Select>
            </Field>
          ) : null}
        </div>
        <div className="space-y-1.5 text-sm">
          <label className="flex items-start gap-2">
            <input type="checkbox" name="trusted" className="mt-1" />
            <span>Trusted<span className="block text-xs text-muted">Its entries count as agreed by itself, whatever the threshold.</span></span>
          </label>
          {canAllowPrivate && mode === 'url' ? (
            <label className="flex items-start gap-2">
              <input type="checkbox" name="allowPrivate" className="mt-1" />
              <span>Local test server (allow private address)<span className="block text-xs text-muted">Only this source&apos;s own host and port are exempt from the address checks.</span></span>
            </label>
          ) : null}
        </div>
        <div aria-live="polite">{error ? <Alert tone="error">{error}</Alert> : null}</div>
        <Button type="submit" variant="primary" disabled={add.isPending} data-testid="blocklist-add-submit">{add.isPending ? 'Adding…' : mode === 'url' ? 'Subscribe' : 'Upload'}</Button>
      </form>
    </Card>
  );
}
