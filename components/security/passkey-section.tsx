'use client';
/**
 * Passkeys on the security page: the list, "Add a passkey" (a name first, then the browser's own prompt), and
 * removal, which asks for the password because it ends every other session. WebAuthn support is read after
 * mounting (the server cannot know it), so the first render matches the server's.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { browserSupportsWebAuthn, startRegistration } from '@simplewebauthn/browser';
import { z } from 'zod';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input } from '@/components/ui/field';
import { timeAgo } from '@/components/ui/time-ago';
import { sendJson } from '@/components/auth/send-json';
import { creationOptionsSchema, passkeyViewSchema } from '@/lib/auth/passkeys/options-schemas';

type PasskeyView = z.infer<typeof passkeyViewSchema>;
const KEY = ['me', 'passkeys'];

async function fetchPasskeys(): Promise<PasskeyView[]> {
  const res = await fetch('/api/me/passkeys', { credentials: 'same-origin' });
  if (!res.ok) throw new Error('Could not load your passkeys.');
  return z.object({ passkeys: z.array(passkeyViewSchema) }).parse(await res.json()).passkeys;
}

/** The browser's refusal ("NotAllowedError" when the prompt was dismissed) in words. */
function promptProblem(e: unknown): string {
  if (e instanceof Error && e.name === 'NotAllowedError') return 'The passkey prompt was closed or timed out. Nothing was added.';
  if (e instanceof Error && e.name === 'InvalidStateError') return 'This authenticator is already registered.';
  return 'The browser could not create a passkey.';
}

export function PasskeySection() {
  const client = useQueryClient();
  const { data: passkeys, error: loadError } = useQuery({ queryKey: KEY, queryFn: fetchPasskeys });
  const [supported, setSupported] = useState(true);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  useEffect(() => { setSupported(browserSupportsWebAuthn()); }, []);

  async function add(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setStatus(null);
    try {
      const options = await sendJson('/api/me/passkeys/options', 'POST', undefined, creationOptionsSchema);
      if (!options.ok) return setStatus({ tone: 'error', text: options.message });
      let response: unknown;
      try { response = await startRegistration({ optionsJSON: options.data }); } catch (err) { return setStatus({ tone: 'error', text: promptProblem(err) }); }
      const saved = await sendJson('/api/me/passkeys', 'POST', { name: name.trim(), response }, z.object({ passkey: passkeyViewSchema }));
      if (!saved.ok) return setStatus({ tone: 'error', text: saved.message });
      setName('');
      setStatus({ tone: 'ok', text: `Passkey “${saved.data.passkey.name}” added.` });
      await client.invalidateQueries({ queryKey: KEY });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card data-testid="passkey-section" className="space-y-4">
      <div>
        <h2 className="font-semibold">Passkeys</h2>
        <p className="text-sm text-muted">A passkey or security key can be your second factor when you sign in with your password.</p>
      </div>
      {!supported ? <Alert>This browser does not support passkeys. Use another browser or an authenticator app.</Alert> : null}
      <div aria-live="polite">{status ? <Alert tone={status.tone}>{status.text}</Alert> : null}</div>
      {loadError ? <Alert tone="error">Could not load your passkeys.</Alert> : null}
      {passkeys && passkeys.length === 0 ? <p className="text-sm text-muted">No passkeys yet.</p> : null}
      {passkeys && passkeys.length > 0 ? (
        <ul className="divide-y divide-line rounded-md border border-line">
          {passkeys.map((p) => <PasskeyRow key={p.id} passkey={p} onRemoved={async (text) => { setStatus({ tone: 'ok', text }); await client.invalidateQueries({ queryKey: KEY }); }} />)}
        </ul>
      ) : null}
      {supported ? (
        <form onSubmit={add} className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <div className="flex-1">
            <Field label="Passkey name" hint="So you can tell your keys apart, e.g. “Laptop” or “Blue key”.">
              <Input data-testid="passkey-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={60} required />
            </Field>
          </div>
          <Button data-testid="passkey-add-button" type="submit" variant="primary" disabled={busy || name.trim() === ''}>
            {busy ? 'Waiting for the browser…' : 'Add a passkey'}
          </Button>
        </form>
      ) : null}
    </Card>
  );
}

function PasskeyRow({ passkey, onRemoved }: { passkey: PasskeyView; onRemoved: (message: string) => Promise<void> }) {
  const [asking, setAsking] = useState(false);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const res = await sendJson(`/api/me/passkeys/${encodeURIComponent(passkey.id)}`, 'DELETE', { password }, z.object({ endedSessions: z.number() }));
    setBusy(false);
    if (!res.ok) return setError(res.message);
    const ended = res.data.endedSessions;
    await onRemoved(`Passkey “${passkey.name}” removed.${ended > 0 ? ` ${ended} other ${ended === 1 ? 'session was' : 'sessions were'} signed out.` : ''}`);
  }

  return (
    <li data-testid="passkey-row" className="space-y-2 p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="min-w-0">
          <p className="truncate font-medium">{passkey.name}</p>
          <p className="text-xs text-muted">Added {timeAgo(passkey.createdAt)} · {passkey.lastUsedAt ? `last used ${timeAgo(passkey.lastUsedAt)}` : 'never used'}</p>
        </div>
        {!asking ? <Button data-testid="passkey-remove-button" variant="secondary" onClick={() => setAsking(true)} aria-label={`Remove passkey ${passkey.name}`}>Remove</Button> : null}
      </div>
      {asking ? (
        <form onSubmit={remove} className="space-y-2">
          <p className="text-sm text-muted">Removing a passkey signs you out everywhere else. Confirm with your password.</p>
          <Field label="Your password">
            <Input data-testid="passkey-remove-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required autoFocus />
          </Field>
          <div aria-live="polite">{error ? <Alert tone="error">{error}</Alert> : null}</div>
          <div className="flex flex-wrap gap-2">
            <Button data-testid="passkey-remove-confirm" type="submit" variant="danger" disabled={busy || password === ''}>{busy ? 'Removing…' : 'Remove passkey'}</Button>
            <Button type="button" variant="ghost" onClick={() => { setAsking(false); setPassword(''); setError(null); }}>Cancel</Button>
          </div>
        </form>
      ) : null}
    </li>
  );
}
