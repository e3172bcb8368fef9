'use client';
/**
 * The team's exposure limits (admins): from which severity an item counts as severe, at most how many severe
 * reveals a day, and a pause after each severe item. Each of the last two can be switched off. Saved with
 * PUT /api/settings/exposure (audited there as settings.exposure.updated).
 */
import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input, Select } from '@/components/ui/field';
import type { ExposureLimits } from '@/lib/exposure/types';
import { sendJson } from '@/components/auth/send-json';

const limitsSchema = z.object({ severeAt: z.number(), maxSevereRevealsPerDay: z.number().nullable(), pauseAfterSevereMinutes: z.number().nullable() });

export function ExposureLimitsCard({ initial }: { initial: ExposureLimits }) {
  const [severeAt, setSevereAt] = useState(initial.severeAt);
  const [maxOn, setMaxOn] = useState(initial.maxSevereRevealsPerDay !== null);
  const [max, setMax] = useState(String(initial.maxSevereRevealsPerDay ?? 20));
  const [pauseOn, setPauseOn] = useState(initial.pauseAfterSevereMinutes !== null);
  const [pause, setPause] = useState(String(initial.pauseAfterSevereMinutes ?? 15));
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const body = { severeAt, maxSevereRevealsPerDay: maxOn ? Number(max) : null, pauseAfterSevereMinutes: pauseOn ? Number(pause) : null };
    setPending(true);
    const res = await sendJson('/api/settings/exposure', 'PUT', body, limitsSchema);
    setPending(false);
    setStatus(res.ok ? { tone: 'ok', text: 'Exposure limits saved. They apply from the next queue load.' } : { tone: 'error', text: res.message });
  }

  return (
    <Card>
      <h2 className="mb-1 text-base font-semibold">Exposure limits</h2>
      <p className="mb-4 text-sm text-muted">
        Over a limit, the queue stops sending severe items to that person, tells them why and suggests a break, until the limit ends or a lead lifts it.
        Other reports reach them as usual.
      </p>
      <form onSubmit={onSubmit} className="space-y-4" data-testid="exposure-limits-form">
        <Field label="Severe from severity" hint="Hash matches at this severity or higher count as severe (1 lowest, 5 highest).">
          <Select name="severeAt" value={severeAt} onChange={(e) => setSevereAt(Number(e.target.value))}>
            {[1, 2, 3, 4, 5].map((n) => <option key={n} value={n}>{n}{n === 4 ? ' (default)' : ''}</option>)}
          </Select>
        </Field>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">Daily limit</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="maxOn" checked={maxOn} onChange={(e) => setMaxOn(e.target.checked)} />
            Limit severe reveals per person in 24 hours
          </label>
          <Field label="At most this many severe reveals in 24 hours" hint="1 to 1000. Counted over a rolling 24 hours.">
            <Input name="maxSevereRevealsPerDay" type="number" min={1} max={1000} step={1} value={max} onChange={(e) => setMax(e.target.value)} disabled={!maxOn} required={maxOn} />
          </Field>
        </fieldset>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">Pause after a severe item</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="pauseOn" checked={pauseOn} onChange={(e) => setPauseOn(e.target.checked)} />
            Pause severe items after each severe reveal
          </label>
          <Field label="Pause length in minutes" hint="1 to 1440 (a day).">
            <Input name="pauseAfterSevereMinutes" type="number" min={1} max={1440} step={1} value={pause} onChange={(e) => setPause(e.target.value)} disabled={!pauseOn} required={pauseOn} />
          </Field>
        </fieldset>
        <div aria-live="polite">{status ? <Alert tone={status.tone}>{status.text}</Alert> : null}</div>
        <Button type="submit" variant="primary" disabled={pending}>{pending ? 'Saving…' : 'Save exposure limits'}</Button>
      </form>
    </Card>
  );
}
