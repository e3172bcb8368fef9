'use client';
/**
 * Team identity (admins): the team's name, whether colleagues see each other by pseudonym, what signs the text sent
 * to servers, and whom the CyberTipline report names. The audit log keeps real identities whatever is chosen here.
 */
import { useState, type FormEvent } from 'react';
import { sendJson } from '@/components/auth/send-json';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input } from '@/components/ui/field';
import type { IdentitySettings } from '@/lib/team/identity-settings';
import { identitySettingsSchema } from '@/lib/team/identity-settings-schema';

type Status = { tone: 'ok' | 'error'; text: string } | null;

function Choice<T extends string>({ legend, name, value, options, onChange }: { legend: string; name: string; value: T; options: [T, string][]; onChange: (v: T) => void }) {
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium">{legend}</legend>
      {options.map(([v, label]) => (
        <label key={v} className="flex items-start gap-2 text-sm">
          <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} className="mt-1" data-testid={`identity-${name}-${v}`} />
          <span>{label}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function IdentityCard({ initial }: { initial: IdentitySettings }) {
  const [form, setForm] = useState<IdentitySettings>(initial);
  const [status, setStatus] = useState<Status>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const parsed = identitySettingsSchema.safeParse(form);
    if (!parsed.success) return setStatus({ tone: 'error', text: parsed.error.issues[0]?.message ?? 'Check the fields.' });
    setPending(true);
    const res = await sendJson('/api/settings/identity', 'PUT', parsed.data, identitySettingsSchema);
    setPending(false);
    if (!res.ok) return setStatus({ tone: 'error', text: res.message });
    setForm(res.data);
    setStatus({ tone: 'ok', text: 'Saved.' });
  }

  const team = form.teamName.trim() || 'the moderation team';
  return (
    <Card data-testid="identity-form">
      <h2 className="mb-1 text-base font-semibold">Names and pseudonyms</h2>
      <p className="mb-4 text-sm text-muted">
        How the team and its people appear outside the app and to each other. The audit log always keeps real names;
        only owners and admins can see it.
      </p>
      <form onSubmit={onSubmit} className="space-y-4">
        <Field label="Team name" hint="Used in signatures and forwards. Empty: “the moderation team”.">
          <Input name="teamName" value={form.teamName} maxLength={120} onChange={(e) => setForm({ ...form, teamName: e.target.value })} data-testid="identity-team-name" />
        </Field>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="showPseudonyms" checked={form.showPseudonyms} onChange={(e) => setForm({ ...form, showPseudonyms: e.target.checked })} className="mt-1" data-testid="identity-show-pseudonyms" />
          <span>
            <span className="font-medium">Show colleagues by pseudonym</span>
            <span className="block text-xs text-muted">Owners and admins still see the real name next to it.</span>
          </span>
        </label>
        <Choice legend="Sign what is sent to servers with" name="signOutbound" value={form.signOutbound} onChange={(v) => setForm({ ...form, signOutbound: v })}
          options={[['pseudonym', `The person’s pseudonym (“— quiet-heron (${form.teamName.trim() || 'fedimod'})”)`], ['team', `The team’s name (“— ${team}”)`]]} />
        <Choice legend="CyberTipline reporting person" name="ncmecReporter" value={form.ncmecReporter} onChange={(v) => setForm({ ...form, ncmecReporter: v })}
          options={[['settings', 'The person in the NCMEC settings'], ['pseudonym', 'The filer’s pseudonym, with the team’s name and the settings’ email']]} />
        <div aria-live="polite">{status ? <Alert tone={status.tone}>{status.text}</Alert> : null}</div>
        <Button type="submit" variant="primary" disabled={pending}>{pending ? 'Saving…' : 'Save names and pseudonyms'}</Button>
      </form>
    </Card>
  );
}
