'use client';

import { useId, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { HOLD_LEVELS, HOLD_TRIGGERS, type HoldRuleInput, type RuleView } from '@/lib/holding/types';
import { sendJson } from '@/components/auth/send-json';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import { InstancePicker } from './instance-picker';
import { LEVEL_HINT, LEVEL_LABEL, TRIGGER_LABEL } from './labels';
import type { InstanceOption } from './rules-table';

const answer = z.object({ rule: z.object({ id: z.string() }) });

export const NEW_RULE: HoldRuleInput = {
  name: '', trigger: 'bank_match', mode: 'dry_run', enabled: true, minSeverity: 4, labels: [], minScore: 3, level: 'sensitive',
  allowSuspend: false, reviewMinutes: 60, instanceIds: [],
};

/** New rule, or edit one (same form). New rules start in dry run: they record what they would have held. */
export function RuleForm({ rule, instances, onSaved, onCancel }: { rule?: RuleView; instances: InstanceOption[]; onSaved: (text: string) => void; onCancel?: () => void }) {
  const id = useId();
  const [v, setV] = useState<HoldRuleInput>(() => (rule ? pick(rule) : NEW_RULE));
  const [labels, setLabels] = useState(v.labels.join(', '));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof HoldRuleInput>(k: K, x: HoldRuleInput[K]) => setV((p) => ({ ...p, [k]: x }));
  const severity = v.trigger === 'bank_match' || v.trigger === 'outside_match';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const body = { ...v, labels: labels.split(',').map((s) => s.trim()).filter(Boolean) };
    const res = rule ? await sendJson(`/api/holding/rules/${rule.id}`, 'PATCH', body, answer) : await sendJson('/api/holding/rules', 'POST', body, answer);
    setBusy(false);
    if (!res.ok) return setError(res.message);
    if (!rule) { setV(NEW_RULE); setLabels(''); }
    onSaved(rule ? `Saved rule ${body.name}.` : `Added rule ${body.name}.`);
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-3" data-testid="rule-form" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} className="text-sm font-semibold">{rule ? `Edit rule ${rule.name}` : 'New rule'}</h3>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Name"><Input name="name" required maxLength={100} value={v.name} onChange={(e) => set('name', e.target.value)} /></Field>
        <Field label="Fires on">
          <Select name="trigger" value={v.trigger} onChange={(e) => set('trigger', HOLD_TRIGGERS.find((t) => t === e.target.value) ?? 'bank_match')}>
            {HOLD_TRIGGERS.map((t) => <option key={t} value={t}>{TRIGGER_LABEL[t]}</option>)}
          </Select>
        </Field>
        {severity ? (
          <>
            <Field label="Lowest severity (1-5)"><Input name="minSeverity" type="number" min={1} max={5} value={v.minSeverity} onChange={(e) => set('minSeverity', Number(e.target.value))} /></Field>
            <Field label="Only these labels" hint="Comma-separated, for example csam, terror. Empty: any label."><Input name="labels" value={labels} onChange={(e) => setLabels(e.target.value)} /></Field>
          </>
        ) : null}
        {v.trigger === 'report_score' ? (
          <Field label="Lowest weighted report score" hint="Distinct reporters and instances count; new or previously wrong reporters count less; brigades never fire.">
            <Input name="minScore" type="number" min={0.5} step={0.1} value={v.minScore} onChange={(e) => set('minScore', Number(e.target.value))} />
          </Field>
        ) : null}
        <Field label="Review within (minutes)"><Input name="reviewMinutes" type="number" min={5} max={10080} value={v.reviewMinutes} onChange={(e) => set('reviewMinutes', Number(e.target.value))} /></Field>
      </div>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Mildest step</legend>
        {HOLD_LEVELS.map((l) => (
          <label key={l} className="flex items-start gap-2 text-sm">
            <input type="radio" name={`${id}-level`} value={l} checked={v.level === l} onChange={() => set('level', l)} className="mt-1" />
            <span><span className="font-medium">{LEVEL_LABEL[l]}</span> <span className="text-muted">{LEVEL_HINT[l]}</span></span>
          </label>
        ))}
      </fieldset>
      <label className="flex items-center gap-2 text-sm"><input type="checkbox" checked={v.allowSuspend} onChange={(e) => set('allowSuspend', e.target.checked)} /> Allow suspending the account when the server offers nothing milder</label>
      <InstancePicker legend="Instances" hint="None checked: every instance." options={instances} value={v.instanceIds} onChange={(ids) => set('instanceIds', ids)} idPrefix={`${id}-inst`} />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Mode</legend>
        <label className="flex items-start gap-2 text-sm"><input type="radio" name={`${id}-mode`} checked={v.mode === 'dry_run'} onChange={() => set('mode', 'dry_run')} className="mt-1" /> <span><span className="font-medium">Dry run</span> <span className="text-muted">Only records what it would have held; nothing changes on any server.</span></span></label>
        <label className="flex items-start gap-2 text-sm"><input type="radio" name={`${id}-mode`} checked={v.mode === 'live'} onChange={() => set('mode', 'live')} className="mt-1" /> <span><span className="font-medium">Live</span> <span className="text-muted">Hides the item on its server through the outbox at once and pins it above the queue until someone confirms or undoes it.</span></span></label>
      </fieldset>
      <label className="flex items-center gap-2 text-sm"><input type="checkbox" checked={v.enabled} onChange={(e) => set('enabled', e.target.checked)} /> Rule is on</label>
      <p role="status" aria-live="polite" className="text-sm text-danger">{error ?? ''}</p>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary" disabled={busy} data-testid="rule-save">{busy ? 'Saving…' : rule ? 'Save rule' : 'Add rule'}</Button>
        {onCancel ? <Button type="button" onClick={onCancel}>Cancel</Button> : null}
      </div>
    </form>
  );
}

function pick(r: RuleView): HoldRuleInput {
  const { name, trigger, mode, enabled, minSeverity, labels, minScore, level, allowSuspend, reviewMinutes, instanceIds } = r;
  return { name, trigger, mode, enabled, minSeverity, labels, minScore, level, allowSuspend, reviewMinutes, instanceIds };
}
