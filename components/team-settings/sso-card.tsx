'use client';
/**
 * Single sign-on (OpenID Connect) settings (owners and admins). The client secret is write-only: the form shows
 * whether one is stored and sends a new one only when typed. "Test issuer" reads the typed issuer's discovery
 * document on the server. A plain-http loopback issuer (a local test issuer) needs an owner.
 */
import { useState, type FormEvent } from 'react';
import { sendJson } from '@/components/auth/send-json';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input, Select } from '@/components/ui/field';
import type { SsoSettingsView } from '@/lib/auth/sso/sso-settings';
import { ssoIssuerTestSchema, ssoSettingsViewSchema } from '@/lib/auth/sso/sso-view-schema';

type Role = SsoSettingsView['roleMap'][number]['role'];
type Status = { tone: 'ok' | 'error'; text: string } | null;
const ROLES: [Role, string][] = [['viewer', 'Viewer'], ['moderator', 'Moderator'], ['admin', 'Admin']];

export function SsoCard({ initial }: { initial: SsoSettingsView }) {
  const [view, setView] = useState(initial);
  const [form, setForm] = useState({ ...initial, groupsScope: initial.groupsScope ?? '', allowPrivate: initial.allowPrivate ?? false, clientSecret: '' });
  const [status, setStatus] = useState<Status>(null);
  const [test, setTest] = useState<Status>(null);
  const [pending, setPending] = useState<'save' | 'test' | null>(null);
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const setRow = (i: number, patch: Partial<{ group: string; role: Role }>) => set({ roleMap: form.roleMap.map((r, j) => (j === i ? { ...r, ...patch } : r)) });

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending('save');
    const { enabled, issuer, clientId, clientSecret, label, groupsClaim, groupsScope, roleMap, allowPrivate } = form;
    const res = await sendJson('/api/settings/sso', 'PUT', { enabled, issuer, clientId, clientSecret, label, groupsClaim, groupsScope, roleMap, allowPrivate }, ssoSettingsViewSchema);
    setPending(null);
    if (!res.ok) return setStatus({ tone: 'error', text: res.message });
    setView(res.data);
    setForm({ ...res.data, groupsScope: res.data.groupsScope ?? '', allowPrivate: res.data.allowPrivate ?? false, clientSecret: '' });
    setStatus({ tone: 'ok', text: res.data.enabled ? 'Saved. Single sign-on is on.' : 'Saved. Single sign-on is off.' });
  }

  async function onTest() {
    setPending('test');
    const res = await sendJson('/api/settings/sso/test', 'POST', { issuer: form.issuer }, ssoIssuerTestSchema);
    setPending(null);
    setTest(res.ok ? { tone: res.data.ok ? 'ok' : 'error', text: res.data.detail } : { tone: 'error', text: res.message });
  }

  async function onCopy() {
    try {
      await navigator.clipboard.writeText(view.callbackUrl);
      setStatus({ tone: 'ok', text: 'Callback URL copied.' });
    } catch {
      setStatus({ tone: 'error', text: 'Could not copy: select the address and copy it by hand.' });
    }
  }

  return (
    <Card data-testid="sso-form">
      <h2 className="mb-1 flex flex-wrap items-center gap-2 text-base font-semibold">
        Single sign-on <Badge tone={view.enabled ? 'ok' : 'neutral'}>{view.enabled ? 'On' : 'Off'}</Badge>
      </h2>
      <p className="mb-4 text-sm text-muted">
        Sign in through your identity provider (Keycloak, Authentik or any OpenID Connect issuer). Password sign-in stays.
        Groups decide the role at every sign-in; someone in no mapped group is refused. Single sign-on never makes an owner.
      </p>
      <form onSubmit={onSubmit} className="space-y-4">
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" role="switch" checked={form.enabled} onChange={(e) => set({ enabled: e.target.checked })} className="mt-1" data-testid="sso-enabled" />
          <span className="font-medium">Allow sign-in with single sign-on</span>
        </label>
        <div className="space-y-1">
          <span className="block text-sm font-medium" id="sso-callback-label">Callback URL to register at the identity provider</span>
          <div className="flex flex-wrap items-center gap-2">
            <code aria-labelledby="sso-callback-label" className="min-w-0 break-all rounded-md border border-line bg-subtle px-2 py-1 text-xs" data-testid="sso-callback-url">{view.callbackUrl}</code>
            <Button type="button" onClick={() => void onCopy()} data-testid="sso-copy-callback">Copy URL</Button>
          </div>
        </div>
        <Field label="Issuer" hint="The issuer address, e.g. https://id.example.org/realms/moderators.">
          <Input name="issuer" type="url" value={form.issuer} maxLength={500} onChange={(e) => set({ issuer: e.target.value })} data-testid="sso-issuer" />
        </Field>
        <div className="flex flex-wrap items-start gap-2">
          <Button type="button" onClick={() => void onTest()} disabled={pending !== null || form.issuer.trim() === ''} data-testid="sso-test">{pending === 'test' ? 'Testing…' : 'Test issuer'}</Button>
          <p role="status" className={`text-sm ${test?.tone === 'error' ? 'text-danger' : 'text-ink'}`} data-testid="sso-test-result">{test ? `${test.tone === 'ok' ? '✓' : '✗'} ${test.text}` : null}</p>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Client id"><Input name="clientId" value={form.clientId} maxLength={300} autoComplete="off" onChange={(e) => set({ clientId: e.target.value })} data-testid="sso-client-id" /></Field>
          <Field label="Client secret" hint={view.hasSecret ? 'A secret is stored. Leave blank to keep it.' : 'Not stored yet.'}>
            <Input name="clientSecret" type="password" value={form.clientSecret} maxLength={1000} autoComplete="new-password" placeholder={view.hasSecret ? '•••••• stored' : ''} onChange={(e) => set({ clientSecret: e.target.value })} data-testid="sso-client-secret" />
          </Field>
          <Field label="Button label" hint="“Sign in with …” on the sign-in page."><Input name="label" value={form.label} maxLength={60} onChange={(e) => set({ label: e.target.value })} data-testid="sso-label" /></Field>
          <Field label="Groups claim" hint="The token claim that lists the groups."><Input name="groupsClaim" value={form.groupsClaim} maxLength={100} onChange={(e) => set({ groupsClaim: e.target.value })} data-testid="sso-groups-claim" /></Field>
          <Field label="Extra scope for groups" hint="Only if your provider needs one (e.g. groups)."><Input name="groupsScope" value={form.groupsScope} maxLength={100} onChange={(e) => set({ groupsScope: e.target.value })} data-testid="sso-groups-scope" /></Field>
        </div>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">Groups and roles</legend>
          {form.roleMap.length === 0 ? <p className="text-sm text-muted">No group mapped yet: nobody could sign in.</p> : null}
          {form.roleMap.map((row, i) => (
            <div key={i} className="flex flex-wrap items-end gap-2" data-testid={`sso-role-row-${i}`}>
              <div className="min-w-0 flex-1"><Field label={`Group ${i + 1}`}><Input value={row.group} maxLength={200} onChange={(e) => setRow(i, { group: e.target.value })} data-testid={`sso-role-group-${i}`} /></Field></div>
              <div className="w-36"><Field label="Role"><Select value={row.role} onChange={(e) => setRow(i, { role: ROLES.find(([r]) => r === e.target.value)?.[0] ?? 'viewer' })} data-testid={`sso-role-role-${i}`}>
                {ROLES.map(([r, text]) => <option key={r} value={r}>{text}</option>)}
              </Select></Field></div>
              <Button type="button" variant="ghost" onClick={() => set({ roleMap: form.roleMap.filter((_, j) => j !== i) })} data-testid={`sso-role-remove-${i}`}>Remove</Button>
            </div>
          ))}
          <Button type="button" onClick={() => set({ roleMap: [...form.roleMap, { group: '', role: 'moderator' }] })} data-testid="sso-role-add">Add a group</Button>
        </fieldset>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" checked={form.allowPrivate} onChange={(e) => set({ allowPrivate: e.target.checked })} className="mt-1" data-testid="sso-allow-private" />
          <span><span className="font-medium">Local test issuer</span><span className="block text-xs text-muted">Allows plain http and a private address for this issuer. Owners only.</span></span>
        </label>
        <div aria-live="polite" data-testid="sso-status">{status ? <Alert tone={status.tone}>{status.text}</Alert> : null}</div>
        <Button type="submit" variant="primary" disabled={pending !== null} data-testid="sso-save">{pending === 'save' ? 'Saving…' : 'Save single sign-on'}</Button>
      </form>
    </Card>
  );
}
