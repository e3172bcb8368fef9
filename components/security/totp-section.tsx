'use client';
/**
 * Authenticator app (TOTP) on the Security page: status, enrolment (QR + key + first code), recovery codes shown
 * once, new codes, removal. When the team requires a second factor (?enrol=required), says so first.
 */
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'next/navigation';
import { z } from 'zod';
import { sendJson } from '@/components/auth/send-json';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { TotpManage } from './totp-manage';
import { TotpRecoveryCodes } from './totp-recovery-codes';
import { setupSchema, TotpSetup, type TotpSetupView } from './totp-setup';

const statusSchema = z.object({ enabled: z.boolean(), pending: z.boolean(), recoveryCodesLeft: z.number() });
type Status = z.infer<typeof statusSchema>;
type Note = { tone: 'ok' | 'error'; text: string } | null;

export function TotpSection() {
  const required = useSearchParams().get('enrol') === 'required';
  const [status, setStatus] = useState<Status | null>(null);
  const [setup, setSetup] = useState<TotpSetupView | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [note, setNote] = useState<Note>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    const res = await fetch('/api/me/totp', { credentials: 'same-origin' }).catch(() => null);
    const parsed = statusSchema.safeParse(res?.ok ? await res.json().catch(() => null) : null);
    if (parsed.success) setStatus(parsed.data);
    else setNote({ tone: 'error', text: 'Could not load the authenticator status. Reload the page to try again.' });
  }, []);

  useEffect(() => { void reload(); }, [reload]);

  async function start() {
    setBusy(true);
    setNote(null);
    const res = await sendJson('/api/me/totp/setup', 'POST', undefined, setupSchema);
    setBusy(false);
    if (res.ok) setSetup(res.data);
    else setNote({ tone: 'error', text: res.message });
  }

  const error = (text: string) => setNote({ tone: 'error', text });
  const enabled = status?.enabled ?? false;

  return (
    <Card className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-semibold">Authenticator app</h2>
        <span data-testid="totp-status" aria-live="polite">
          {status ? <Badge tone={enabled ? 'ok' : 'neutral'}>{enabled ? 'On' : 'Off'}</Badge> : <span className="text-sm text-muted">Loading…</span>}
        </span>
      </div>
      {required && !enabled ? (
        <Alert tone="info">Your team requires two-factor sign-in for owners and admins. Set up an authenticator app (or a passkey below) to use the rest of Fedimod.</Alert>
      ) : null}
      <div aria-live="polite">{note ? <Alert tone={note.tone}>{note.text}</Alert> : null}</div>
      {codes ? (
        <TotpRecoveryCodes codes={codes} onDone={() => { setCodes(null); void reload(); }} />
      ) : setup ? (
        <TotpSetup setup={setup} onError={error} onCancel={() => setSetup(null)} onConfirmed={(c) => { setSetup(null); setCodes(c); setNote({ tone: 'ok', text: 'The authenticator app is on. You will be asked for a code when you sign in.' }); }} />
      ) : enabled ? (
        <>
          <p className="text-sm text-muted">Sign-in asks for a code from your app. {status?.recoveryCodesLeft ?? 0} of 10 recovery codes left.</p>
          <TotpManage
            onError={error}
            onCodes={(c) => { setNote(null); setCodes(c); }}
            onRemoved={(n) => { setNote({ tone: 'ok', text: `The authenticator app is removed.${n ? ` ${n} other session(s) were signed out.` : ''}` }); void reload(); }}
          />
        </>
      ) : (
        <>
          <p className="text-sm text-muted">A code from an app on your phone, asked for after your password, so a stolen password alone cannot sign in.</p>
          <Button type="button" variant="primary" onClick={start} disabled={busy || !status} data-testid="totp-setup-button">
            {busy ? 'Starting…' : 'Set up authenticator app'}
          </Button>
        </>
      )}
    </Card>
  );
}
