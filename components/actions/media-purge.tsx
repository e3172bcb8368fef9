'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import type { ReportActionsData } from './use-report-actions';

/**
 * Purging cached copies means different things per server; the note says exactly what this one does, and the
 * form asks for what the server needs (GoToSocial purges by age; Misskey by the reported account's host).
 */
export function MediaPurge({ data, busy, onSubmit }: { data: ReportActionsData; busy: boolean; onSubmit: (a: Record<string, unknown>) => void }) {
  const [days, setDays] = useState('0');
  const caps = data.capabilities;
  if (!caps.actions.includes('media.purge')) return null;
  const note = caps.notes['media.purge'];
  const by = caps.mediaPurgeBy ?? 'urls';
  if (by === 'host' && !data.target.domain) {
    return <p className="text-xs text-muted">The reported account is local: there is no remote host whose cached files could be purged.</p>;
  }
  const daysValue = Number(days);
  const daysOk = by !== 'days' || (days.trim() !== '' && Number.isInteger(daysValue) && daysValue >= 0 && daysValue <= 3650);
  return (
    <form
      className="space-y-1.5"
      aria-label="Purge cached media"
      onSubmit={(e) => {
        e.preventDefault();
        if (!daysOk) return;
        const scope = by === 'host' ? ` from ${data.target.domain}` : by === 'days' ? ` older than ${daysValue} days` : '';
        if (!window.confirm(`Purge cached media${scope} on ${data.instance.name}? ${note ?? ''}`)) return;
        onSubmit(by === 'days' ? { kind: 'media.purge', olderThanDays: daysValue } : { kind: 'media.purge' });
      }}
    >
      {note ? <p className="text-xs text-muted">{note}</p> : null}
      {by === 'days' ? (
        <Field label="Keep remote media newer than (days)" hint="0 removes every cached remote file.">
          <Input type="number" min={0} max={3650} step={1} value={days} onChange={(e) => setDays(e.target.value)} name="media-purge-days" className="w-28" />
        </Field>
      ) : null}
      <Button type="submit" variant="danger" disabled={busy || !daysOk}>
        {by === 'host' ? `Purge cached media from ${data.target.domain}` : 'Purge cached media'}
      </Button>
    </form>
  );
}
