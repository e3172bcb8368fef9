'use client';

import { useId, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { MATCHER_KINDS, type MatcherInput, type MatcherView } from '@/lib/matchers/types';
import { sendJson } from '@/components/auth/send-json';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import { InstancePicker } from './instance-picker';
import type { InstanceOption } from './rules-table';

const answer = z.object({ matcher: z.object({ id: z.string() }) });
const NEW: MatcherInput = { name: '', kind: 'hma', baseUrl: '', allowPrivate: false, enabled: true, instanceIds: [], signalTypes: ['pdq', 'md5'], severity: 4, label: '', timeoutMs: 3000, perMinute: 60 };
const KIND_LABEL: Record<string, string> = { hma: 'Hasher-Matcher-Actioner (lookup API)', cloud: 'Cloud matching service (hash lookup)' };

/** Add or edit a matcher. The key is write-only: left empty it stays as stored; nothing ever shows it again. */
export function MatcherForm({ matcher, instances, canAllowPrivate, onSaved, onCancel }: {
  matcher?: MatcherView; instances: InstanceOption[]; canAllowPrivate: boolean; onSaved: (text: string) => void; onCancel?: () => void;
}) {
  const id = useId();
  const [v, setV] = useState<MatcherInput>(() => (matcher ? fromView(matcher) : NEW));
  const [key, setKey] = useState('');
  const [removeKey, setRemoveKey] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof MatcherInput>(k: K, x: MatcherInput[K]) => setV((p) => ({ ...p, [k]: x }));
  const toggleSignal = (s: 'pdq' | 'md5', on: boolean) => set('signalTypes', on ? [...new Set([...v.signalTypes, s])] : v.signalTypes.filter((x) => x !== s));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    // Absent key: keep the stored one; empty string: remove it (MatcherInput's contract).
    const body: MatcherInput = { ...v, ...(key ? { key } : removeKey ? { key: '' } : {}) };
    if (!canAllowPrivate) delete body.allowPrivate;
    const res = matcher ? await sendJson(`/api/matchers/${matcher.id}`, 'PATCH', body, answer) : await sendJson('/api/matchers', 'POST', body, answer);
    setBusy(false);
    setKey('');
    if (!res.ok) return setError(res.message);
    if (!matcher) setV(NEW);
    onSaved(matcher ? `Saved ${body.name}.` : `Added ${body.name}.`);
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-3" data-testid="matcher-form" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} className="text-sm font-semibold">{matcher ? `Edit ${matcher.name}` : 'Add a matcher'}</h3>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Name"><Input name="name" required maxLength={100} value={v.name} onChange={(e) => set('name', e.target.value)} /></Field>
        <Field label="Kind">
          <Select name="kind" value={v.kind} onChange={(e) => set('kind', MATCHER_KINDS.find((k) => k === e.target.value) ?? 'hma')}>
            {MATCHER_KINDS.map((k) => <option key={k} value={k}>{KIND_LABEL[k]}</option>)}
          </Select>
        </Field>
        <Field label="Base URL" hint="https only, unless an owner allows a private test host."><Input name="baseUrl" type="url" required value={v.baseUrl} onChange={(e) => set('baseUrl', e.target.value)} /></Field>
        <Field label="Key" hint={matcher?.hasKey ? 'A key is stored. Leave empty to keep it.' : 'Leave empty if the service needs none.'}>
          <Input name="key" type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} />
        </Field>
        <Field label="Severity of a hit (1-5)"><Input name="severity" type="number" min={1} max={5} value={v.severity} onChange={(e) => set('severity', Number(e.target.value))} /></Field>
        <Field label="Label of a hit" hint="For example csam; shown beside the service's name."><Input name="label" maxLength={40} value={v.label} onChange={(e) => set('label', e.target.value)} /></Field>
        <Field label="Timeout (ms)"><Input name="timeoutMs" type="number" min={500} max={30000} value={v.timeoutMs} onChange={(e) => set('timeoutMs', Number(e.target.value))} /></Field>
        <Field label="Calls per minute"><Input name="perMinute" type="number" min={1} max={6000} value={v.perMinute} onChange={(e) => set('perMinute', Number(e.target.value))} /></Field>
      </div>
      {matcher?.hasKey ? <label className="flex items-center gap-2 text-sm"><input type="checkbox" checked={removeKey} onChange={(e) => setRemoveKey(e.target.checked)} /> Remove the stored key</label> : null}
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Hashes to send</legend>
        <div className="flex gap-4">
          <label className="inline-flex items-center gap-1.5 text-sm"><input type="checkbox" checked={v.signalTypes.includes('pdq')} onChange={(e) => toggleSignal('pdq', e.target.checked)} /> PDQ</label>
          <label className="inline-flex items-center gap-1.5 text-sm"><input type="checkbox" checked={v.signalTypes.includes('md5')} onChange={(e) => toggleSignal('md5', e.target.checked)} /> MD5</label>
        </div>
      </fieldset>
      <InstancePicker legend="Instances that opt in" hint="None checked: the matcher is not used anywhere. Check each instance whose media may be checked." options={instances} value={v.instanceIds} onChange={(ids) => set('instanceIds', ids)} idPrefix={`${id}-inst`} />
      <label className="flex items-center gap-2 text-sm"><input type="checkbox" checked={v.enabled} onChange={(e) => set('enabled', e.target.checked)} /> Matcher is on</label>
      {canAllowPrivate ? <label className="flex items-center gap-2 text-sm"><input type="checkbox" checked={v.allowPrivate ?? false} onChange={(e) => set('allowPrivate', e.target.checked)} /> Allow a private address (test hosts only)</label> : null}
      <p role="status" aria-live="polite" className="text-sm text-danger">{error ?? ''}</p>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary" disabled={busy} data-testid="matcher-save">{busy ? 'Saving…' : matcher ? 'Save matcher' : 'Add matcher'}</Button>
        {onCancel ? <Button type="button" onClick={onCancel}>Cancel</Button> : null}
      </div>
    </form>
  );
}

function fromView(m: MatcherView): MatcherInput {
  const { name, kind, baseUrl, allowPrivate, enabled, instanceIds, signalTypes, severity, label, timeoutMs, perMinute } = m;
  return { name, kind, baseUrl, allowPrivate, enabled, instanceIds, signalTypes, severity, label, timeoutMs, perMinute };
}
