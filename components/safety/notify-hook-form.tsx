'use client';

import { useState, type FormEvent } from 'react';
import { sendJson } from '@/components/auth/send-json';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input, Select } from '@/components/ui/field';
import { NOTIFY_EVENTS, type NotifyHookView, type NotifyKind } from '@/lib/notify/types';
import { EVENT_LABEL, hookAnswer } from './notify-hook-schema';

/**
 * Add a hook, or edit one (`editing`). The secret is write-only: empty on edit keeps the stored one. The private
 * address box is shown only to owners, since it exempts the hook's own address from the SSRF checks.
 */
export function NotifyHookForm({ editing, canAllowPrivate, onSaved, onCancel }: {
  editing: NotifyHookView | null;
  canAllowPrivate: boolean;
  onSaved: (h: NotifyHookView) => void;
  onCancel: () => void;
}) {
  const [kind, setKind] = useState<NotifyKind>(editing?.kind ?? 'json');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    const f = new FormData(e.currentTarget);
    const secret = String(f.get('secret') ?? '');
    const body = {
      name: String(f.get('name') ?? '').trim(), kind, url: String(f.get('url') ?? '').trim(),
      room: kind === 'matrix' ? String(f.get('room') ?? '').trim() : null,
      enabled: f.get('enabled') === 'on',
      events: NOTIFY_EVENTS.filter((ev) => f.get(`event:${ev}`) === 'on'),
      ...(secret ? { secret } : {}),
      ...(canAllowPrivate ? { allowPrivate: f.get('allowPrivate') === 'on' } : {}),
    };
    if (!editing && !secret) return setError(kind === 'matrix' ? 'Enter the access token.' : 'Enter the signing secret.');
    setBusy(true);
    const r = editing
      ? await sendJson(`/api/notify/hooks/${editing.id}`, 'PATCH', body, hookAnswer)
      : await sendJson('/api/notify/hooks', 'POST', body, hookAnswer);
    setBusy(false);
    if (!r.ok) return setError(r.message);
    onSaved(r.data.hook);
  }

  const secretLabel = kind === 'matrix' ? 'Access token' : 'Signing secret';
  return (
    <Card className="space-y-3">
      <h2 className="text-sm font-semibold">{editing ? `Edit ${editing.name}` : 'Add a hook'}</h2>
      <form onSubmit={(e) => void submit(e)} className="space-y-3" aria-label={editing ? 'Edit notification hook' : 'Add notification hook'} data-testid="notify-hook-form">
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Name"><Input name="name" required maxLength={100} defaultValue={editing?.name} data-testid="notify-form-name" /></Field>
          <Field label="Kind">
            <Select name="kind" value={kind} onChange={(e) => setKind(e.target.value === 'matrix' ? 'matrix' : 'json')} data-testid="notify-form-kind">
              <option value="json">Generic JSON POST (signed)</option>
              <option value="matrix">Matrix room</option>
            </Select>
          </Field>
        </div>
        <Field label={kind === 'matrix' ? 'Homeserver URL' : 'Receiver URL'} hint={kind === 'matrix' ? 'The client API base, like https://matrix.example.org' : 'Each POST carries X-Fedimod-Signature: check it with the secret.'}>
          <Input name="url" type="url" required inputMode="url" defaultValue={editing?.url} placeholder="https://" data-testid="notify-form-url" />
        </Field>
        {kind === 'matrix' ? (
          <Field label="Room id" hint="Invite the bot account to the room first.">
            <Input name="room" required defaultValue={editing?.room ?? ''} placeholder="!abc123:example.org" data-testid="notify-form-room" />
          </Field>
        ) : null}
        <Field label={secretLabel} hint={editing ? 'Leave empty to keep the stored one. It is never shown again.' : 'Stored encrypted; never shown again.'}>
          <Input name="secret" type="password" autoComplete="off" data-testid="notify-form-secret" />
        </Field>
        <fieldset className="space-y-1.5 text-sm">
          <legend className="mb-1 font-medium">Send when</legend>
          {NOTIFY_EVENTS.map((ev) => (
            <label key={ev} className="flex items-center gap-2">
              <input type="checkbox" name={`event:${ev}`} defaultChecked={editing ? editing.events.includes(ev) : ev !== 'hold.would_hold'} data-testid={`notify-form-event-${ev}`} />
              {EVENT_LABEL[ev]}
            </label>
          ))}
        </fieldset>
        <div className="space-y-1.5 text-sm">
          <label className="flex items-center gap-2"><input type="checkbox" name="enabled" defaultChecked={editing?.enabled ?? true} />On</label>
          {canAllowPrivate ? (
            <label className="flex items-start gap-2">
              <input type="checkbox" name="allowPrivate" className="mt-1" defaultChecked={editing?.allowPrivate ?? false} data-testid="notify-form-allow-private" />
              <span>Local test receiver (allow private address)<span className="block text-xs text-muted">Only this hook&apos;s own host and port are exempt from the address checks.</span></span>
            </label>
          ) : null}
        </div>
        <div aria-live="polite">{error ? <Alert tone="error">{error}</Alert> : null}</div>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="primary" disabled={busy} data-testid="notify-form-submit">{busy ? 'Saving…' : editing ? 'Save changes' : 'Add hook'}</Button>
          {editing ? <Button type="button" onClick={onCancel}>Cancel</Button> : null}
        </div>
      </form>
    </Card>
  );
}
