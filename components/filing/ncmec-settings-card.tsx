'use client';

/**
 * "CyberTipline (NCMEC)" settings (admins; the route and the verb check too). The username and password are
 * write-only: never shown, the fields start empty and empty again after saving; leaving them empty keeps what is
 * stored (at the same address). Allowing a private address is for owners, for a local test server only.
 */
import { useState, type FormEvent } from 'react';
import { requestJson } from '@/components/api/request';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input, Select } from '@/components/ui/field';
import type { NcmecEnvironment, NcmecSettingsInput, NcmecSettingsView } from '@/lib/filing/types';
import { OrganizationFields, ReporterFields } from './ncmec-settings-fields';
import { NcmecTestButton } from './ncmec-settings-test';

/** Fixed format (not the locale's) so the server and the browser render the same text. */
const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : 'unknown');

export function NcmecSettingsCard({ initial, canAllowPrivate }: { initial: NcmecSettingsView; canAllowPrivate: boolean }) {
  const [view, setView] = useState(initial);
  const [environment, setEnvironment] = useState<NcmecEnvironment>(initial.environment);
  const [baseUrl, setBaseUrl] = useState(initial.environment === 'custom' ? initial.baseUrl : '');
  const [allowPrivate, setAllowPrivate] = useState(initial.allowPrivate);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [reporter, setReporter] = useState(initial.reporter);
  const [organization, setOrganization] = useState(initial.organization);
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const stored = view.hasCredentials ? 'stored: leave empty to keep' : undefined;

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    const input: NcmecSettingsInput = {
      environment, reporter, organization,
      ...(environment === 'custom' ? { baseUrl } : {}),
      // Only an owner's form restates the exemption; an admin's save keeps it for the same address.
      ...(canAllowPrivate ? { allowPrivate: environment === 'custom' && allowPrivate } : {}),
      ...(username ? { username } : {}),
      ...(password ? { password } : {}),
    };
    try {
      const saved = await requestJson<NcmecSettingsView>('/api/settings/ncmec', { method: 'PUT', body: input });
      setView(saved);
      setUsername('');
      setPassword('');
      setStatus({ tone: 'ok', text: saved.configured ? 'Saved. Reports can be filed.' : 'Saved. Filing needs credentials and a reporter name and email.' });
    } catch (err) {
      setStatus({ tone: 'error', text: err instanceof Error ? err.message : 'Something went wrong.' });
    } finally {
      setPending(false);
    }
  }

  return (
    <Card data-testid="ncmec-settings">
      <h2 className="mb-1 text-base font-semibold">CyberTipline (NCMEC)</h2>
      <p className="mb-4 text-sm text-muted">
        Where case reports are filed, the account NCMEC gave you, and the person reports name as the reporter.
      </p>
      <form onSubmit={(e) => void onSubmit(e)} className="space-y-4" aria-label="CyberTipline settings">
        <Field label="Environment">
          <Select name="environment" value={environment} onChange={(e) => setEnvironment(e.target.value === 'production' ? 'production' : e.target.value === 'custom' ? 'custom' : 'test')}>
            <option value="test">Test (exttest)</option>
            <option value="production">Production</option>
            <option value="custom">Custom URL</option>
          </Select>
        </Field>
        {environment === 'production' ? <Alert tone="info">Production: reports go to NCMEC for real.</Alert> : null}
        {environment === 'custom' ? (
          <Field label="Custom base URL" hint="For example https://proxy.example/ispws (https unless a private address is allowed).">
            <Input type="url" name="baseUrl" required maxLength={300} value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} />
          </Field>
        ) : null}
        {environment === 'custom' && canAllowPrivate ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="allowPrivate" checked={allowPrivate} onChange={(e) => setAllowPrivate(e.target.checked)} />
            <span>Local test server (allow private address)</span>
          </label>
        ) : null}
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Username"><Input name="ncmecUsername" autoComplete="off" maxLength={200} placeholder={stored} value={username} onChange={(e) => setUsername(e.target.value)} /></Field>
          <Field label="Password">
            <Input type="password" name="ncmecPassword" autoComplete="new-password" maxLength={500} placeholder={stored} value={password} onChange={(e) => setPassword(e.target.value)} />
          </Field>
        </div>
        <p className="text-sm" data-testid="ncmec-credentials-state">
          {view.hasCredentials ? `Credentials stored (updated ${when(view.credentialsUpdatedAt)})` : 'No credentials stored'}
        </p>
        <ReporterFields value={reporter} onChange={setReporter} />
        <OrganizationFields value={organization} onChange={setOrganization} />
        {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
        <div className="flex flex-wrap items-start gap-3">
          <Button type="submit" variant="primary" disabled={pending} data-testid="ncmec-save">{pending ? 'Saving…' : 'Save CyberTipline settings'}</Button>
          <NcmecTestButton disabled={pending || !view.hasCredentials} />
        </div>
      </form>
    </Card>
  );
}
