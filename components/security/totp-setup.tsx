'use client';
/** Enrolment: scan the QR code (or type the secret), then confirm with a first code. */
import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { sendJson } from '@/components/auth/send-json';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';

export const setupSchema = z.object({ otpauthUri: z.string(), secret: z.string(), qrSvg: z.string() });
export type TotpSetupView = z.infer<typeof setupSchema>;
const codesSchema = z.object({ recoveryCodes: z.array(z.string()) });

interface Props { setup: TotpSetupView; onConfirmed: (codes: string[]) => void; onError: (message: string) => void; onCancel: () => void }

export function TotpSetup({ setup, onConfirmed, onError, onCancel }: Props) {
  const [busy, setBusy] = useState(false);

  async function confirm(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const code = String(new FormData(e.currentTarget).get('code') ?? '');
    setBusy(true);
    const res = await sendJson('/api/me/totp/confirm', 'POST', { code }, codesSchema);
    setBusy(false);
    if (res.ok) onConfirmed(res.data.recoveryCodes);
    else onError(res.message);
  }

  return (
    <div className="space-y-4">
      <ol className="list-decimal space-y-1 pl-5 text-sm">
        <li>Open an authenticator app (for example Aegis, 2FAS, or your password manager) and add an account.</li>
        <li>Scan the QR code, or type the key below.</li>
        <li>Enter the 6-digit code the app shows.</li>
      </ol>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
        {/* A white tile in both themes: scanners need dark modules on light. */}
        <img
          data-testid="totp-qr"
          src={`data:image/svg+xml;utf8,${encodeURIComponent(setup.qrSvg)}`}
          alt="QR code for your authenticator app. If you cannot scan it, type the key shown next to it."
          width={176}
          height={176}
          className="rounded-md border border-line bg-white p-2"
        />
        <div className="min-w-0 space-y-1 text-sm">
          <p className="font-medium">Key for manual entry</p>
          <code data-testid="totp-secret" className="block break-all rounded-md border border-line bg-subtle px-2 py-1 font-mono">{setup.secret}</code>
          <p className="text-xs text-muted">Time-based, 6 digits, every 30 seconds. Shown only during this setup.</p>
        </div>
      </div>
      <form onSubmit={confirm} className="space-y-3">
        <Field label="Code from the app">
          <Input name="code" data-testid="totp-confirm-code" inputMode="numeric" autoComplete="one-time-code" maxLength={8} required />
        </Field>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="primary" disabled={busy} data-testid="totp-confirm-button">{busy ? 'Checking…' : 'Confirm and turn on'}</Button>
          <Button type="button" variant="ghost" onClick={onCancel}>Cancel</Button>
        </div>
      </form>
    </div>
  );
}
