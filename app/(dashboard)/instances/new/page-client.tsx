'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { VerifyCheck } from '@/lib/connectors/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input, Select } from '@/components/ui/field';
import { VerifyChecks } from '@/components/instances/verify-checks';
import { SERVER_KIND_OPTIONS } from '@/components/instances/server-kinds';
import { TokenHelp } from '@/components/instances/token-help';
import { tokenTooShortMessage } from '@/lib/instances/token-rules';

export function ConnectInstanceForm({ canAllowPrivate = false }: { canAllowPrivate?: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [checks, setChecks] = useState<VerifyCheck[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [kind, setKind] = useState('auto');

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setError(null);
    setChecks(null);
    // Said before anything is sent; the server checks the same rule (lib/instances/add-instance.ts).
    const short = tokenTooShortMessage(String(form.get('token') ?? ''));
    if (short) {
      setError(short);
      return;
    }
    setBusy(true);
    const res = await fetch('/api/instances', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        kind: form.get('kind'), baseUrl: form.get('baseUrl'), token: form.get('token'),
        name: form.get('name') || undefined, allowPrivate: form.get('allowPrivate') === 'on',
      }),
    });
    const body = await res.json().catch(() => ({}));
    setBusy(false);
    if (res.ok) {
      router.push(`/instances/${body.id}`);
      return;
    }
    setError(body.error?.message ?? 'Could not connect the instance.');
    if (body.error?.checks?.checks) setChecks(body.error.checks.checks);
  }

  return (
    <Card className="max-w-xl">
      <form onSubmit={submit} className="space-y-3" aria-label="Connect an instance">
        <Field label="Server software">
          <Select name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="auto">Detect automatically (NodeInfo)</option>
            {SERVER_KIND_OPTIONS.map((k) => <option key={k.kind} value={k.kind}>{k.label}</option>)}
          </Select>
        </Field>
        <Field label="Base URL" hint="For example https://mastodon.example">
          <Input name="baseUrl" required placeholder="https://" autoComplete="off" />
        </Field>
        <Field label="Admin access token">
          <Input name="token" type="password" required autoComplete="off" aria-describedby="token-help" />
        </Field>
        <p id="token-help" className="text-xs text-muted"><TokenHelp kind={kind} /></p>
        <Field label="Display name (optional)">
          <Input name="name" />
        </Field>
        {canAllowPrivate ? (
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="allowPrivate" className="mt-1" />
            <span>This is a local test host on a private or loopback address (owners only). <span className="text-muted">The exemption covers this URL&apos;s scheme, host and port only; media elsewhere and redirects stay under the normal policy, which refuses such addresses to protect the network this dashboard runs in.</span></span>
          </label>
        ) : null}
        {error ? <Alert tone="error">{error}</Alert> : null}
        {checks ? <VerifyChecks checks={checks} /> : null}
        <Button type="submit" variant="primary" disabled={busy}>{busy ? 'Checking the token…' : 'Check and connect'}</Button>
      </form>
    </Card>
  );
}
