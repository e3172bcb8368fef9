'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input } from '@/components/ui/field';

interface Props {
  instance: { id: string; name: string; syncEnabled: boolean; allowPrivate: boolean };
  /** Owners only: the local-test-host exemption (SSRF policy off for this instance's own origin). */
  canAllowPrivate?: boolean;
  onChanged: () => void;
  onRemoved: () => void;
}

export function InstanceSettings({ instance, canAllowPrivate = false, onChanged, onRemoved }: Props) {
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  async function send(method: 'PATCH' | 'DELETE', body?: Record<string, unknown>) {
    const res = await fetch(`/api/instances/${instance.id}`, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body ?? {}) });
    const json = await res.json().catch(() => ({}));
    if (!res.ok) setMessage({ tone: 'error', text: json.error?.message ?? 'The change failed.' });
    else setMessage({ tone: 'ok', text: 'Saved.' });
    return res.ok;
  }
  async function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const token = String(f.get('token') ?? '');
    const ok = await send('PATCH', {
      name: String(f.get('name')), syncEnabled: f.get('syncEnabled') === 'on', ...(token ? { token } : {}),
      ...(canAllowPrivate ? { allowPrivate: f.get('allowPrivate') === 'on' } : {}),
    });
    if (ok) {
      e.currentTarget?.reset?.();
      onChanged();
    }
  }
  return (
    <Card className="space-y-3">
      <h2 className="text-sm font-semibold">Settings</h2>
      <form onSubmit={save} className="space-y-2" aria-label="Instance settings">
        <Field label="Name"><Input name="name" defaultValue={instance.name} required /></Field>
        <Field label="Replace the admin token" hint="Leave empty to keep the current token. A new token is checked before it is saved.">
          <Input name="token" type="password" autoComplete="off" />
        </Field>
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="syncEnabled" defaultChecked={instance.syncEnabled} /> Poll for reports</label>
        {canAllowPrivate ? (
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="allowPrivate" className="mt-1" defaultChecked={instance.allowPrivate} />
            <span>Local test host: allow a private or loopback address for this instance&apos;s own URL only. <span className="text-muted">Media on other hosts and redirects elsewhere stay refused. Audited.</span></span>
          </label>
        ) : instance.allowPrivate ? (
          <p className="text-xs text-muted">Marked as a local test host (its own URL may be private or loopback). Only an owner can change this.</p>
        ) : null}
        <Button type="submit">Save</Button>
      </form>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div className="border-t border-line pt-3">
        <Button
          variant="danger"
          onClick={async () => {
            if (window.confirm(`Disconnect ${instance.name}? Its synced reports and media are removed from the dashboard; the audit log keeps its history.`)) {
              if (await send('DELETE')) onRemoved();
            }
          }}
        >
          Disconnect instance
        </Button>
      </div>
    </Card>
  );
}
