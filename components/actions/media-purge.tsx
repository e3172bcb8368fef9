'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { MEDIA_PURGE_DEFAULT_DAYS, MEDIA_PURGE_MAX_DAYS, needsTypedConfirmation, parsePurgeDays, purgeReachText, typedConfirmationOk } from './media-purge-rules';
import { permanenceOf } from './permanence';
import { PermanenceMark } from './permanence-mark';
import type { ReportActionsData } from './use-report-actions';

/**
 * Purging cached copies means different things per server; the note says exactly what this one does, and the
 * form asks for what the server needs (GoToSocial purges by age; Misskey by the reported account's host).
 * GoToSocial's purge reaches the whole server, so its rules (safe default, typed confirmation) are in media-purge-rules.ts.
 */
export function MediaPurge({ data, busy, onSubmit }: { data: ReportActionsData; busy: boolean; onSubmit: (a: Record<string, unknown>) => void }) {
  const [days, setDays] = useState(String(MEDIA_PURGE_DEFAULT_DAYS));
  const [typed, setTyped] = useState('');
  const caps = data.capabilities;
  if (!caps.actions.includes('media.purge')) return null;
  const note = caps.notes['media.purge'];
  const by = caps.mediaPurgeBy ?? 'urls';
  if (by === 'host' && !data.target.domain) {
    return <p className="text-xs text-muted">The reported account is local: there is no remote host whose cached files could be purged.</p>;
  }
  const name = data.instance.name;
  const daysValue = by === 'days' ? parsePurgeDays(days) : null;
  const ok = by !== 'days' || (daysValue !== null && typedConfirmationOk(daysValue, typed, name));
  return (
    <form
      className="space-y-1.5"
      aria-label="Purge cached media"
      onSubmit={(e) => {
        e.preventDefault();
        if (!ok) return;
        const scope = by === 'host' ? ` from ${data.target.domain}` : by === 'days' ? ` of EVERY remote account older than ${daysValue} days` : '';
        if (!window.confirm(`Purge cached media${scope} on ${name}? ${note ?? ''}`)) return;
        onSubmit(by === 'days' ? { kind: 'media.purge', olderThanDays: daysValue } : { kind: 'media.purge' });
        setTyped('');
      }}
    >
      {note ? <p className="text-xs text-muted">{note}</p> : null}
      {by === 'days' ? (
        <Field label="Keep remote media newer than (days)" hint={purgeReachText(name, daysValue)}>
          <Input type="number" min={0} max={MEDIA_PURGE_MAX_DAYS} step={1} value={days} onChange={(e) => setDays(e.target.value)} name="media-purge-days" className="w-28" />
        </Field>
      ) : null}
      {by === 'days' && needsTypedConfirmation(daysValue) ? (
        <Field label={`Type ${name} to empty its whole remote media cache`}>
          <Input value={typed} onChange={(e) => setTyped(e.target.value)} name="media-purge-confirm" autoComplete="off" />
        </Field>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" variant="danger" disabled={busy || !ok}>
          {by === 'host' ? `Purge cached media from ${data.target.domain}` : 'Purge cached media'}
        </Button>
        <PermanenceMark p={permanenceOf({ kind: 'media.purge' }, caps)} />
      </div>
    </form>
  );
}
