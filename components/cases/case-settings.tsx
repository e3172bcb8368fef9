'use client';

/** "Automatic cases": when a bank match opens a case by itself. Admins only (the route and the verb check too). */
import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { BANK_LABELS, SEVERITY_WORDS } from '@/lib/banks/bank-fields';
import { CASE_SETTINGS_DEFAULTS, caseSettingsSchema, type CaseSettings } from '@/lib/cases/case-settings-schema';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Select } from '@/components/ui/field';

const failed = z.object({ error: z.object({ message: z.string(), issues: z.array(z.object({ message: z.string() })).optional() }) });

async function save(settings: CaseSettings): Promise<{ ok: true; data: CaseSettings } | { ok: false; message: string }> {
  try {
    const res = await fetch('/api/settings/cases', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(settings), credentials: 'same-origin' });
    const raw: unknown = await res.json().catch(() => null);
    const ok = res.ok ? caseSettingsSchema.safeParse(raw) : null;
    if (ok?.success) return { ok: true, data: ok.data };
    const err = failed.safeParse(raw);
    return { ok: false, message: err.success ? (err.data.error.issues?.[0]?.message ?? err.data.error.message) : 'Something went wrong.' };
  } catch {
    return { ok: false, message: 'Could not reach the server. Check your connection and try again.' };
  }
}

export function CaseSettingsCard({ initial }: { initial: CaseSettings }) {
  const [severity, setSeverity] = useState(String(initial.autoOpenSeverity));
  const [labels, setLabels] = useState<string[]>(initial.autoOpenLabels);
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    const res = await save({ autoOpenSeverity: Number(severity), autoOpenLabels: labels });
    setPending(false);
    if (!res.ok) return setStatus({ tone: 'error', text: res.message });
    setSeverity(String(res.data.autoOpenSeverity));
    setLabels(res.data.autoOpenLabels);
    setStatus({ tone: 'ok', text: 'Saved. New matches follow these rules; existing cases are unchanged.' });
  }

  const toggle = (l: string, on: boolean) => setLabels((cur) => (on ? [...new Set([...cur, l])] : cur.filter((x) => x !== l)));
  return (
    <Card>
      <h2 className="mb-1 text-base font-semibold">Automatic cases</h2>
      <p className="mb-4 text-sm text-muted">
        Media that matches a hash bank at or above this severity, or with one of these labels, becomes a case by itself, so the worst
        material is gathered (with every copy on every instance) before anyone has to look at it.
      </p>
      <form onSubmit={(e) => void onSubmit(e)} className="space-y-3" aria-label="Automatic cases">
        <Field label="Open a case automatically from severity" hint={`Default ${CASE_SETTINGS_DEFAULTS.autoOpenSeverity} (${SEVERITY_WORDS[CASE_SETTINGS_DEFAULTS.autoOpenSeverity]}).`}>
          <Select value={severity} onChange={(e) => setSeverity(e.target.value)} name="autoOpenSeverity">
            {[1, 2, 3, 4, 5].map((n) => <option key={n} value={n}>{n} · {SEVERITY_WORDS[n]}</option>)}
          </Select>
        </Field>
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">…or from any match with these labels</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {BANK_LABELS.map((l) => (
              <label key={l} className="inline-flex items-center gap-1.5 text-sm">
                <input type="checkbox" checked={labels.includes(l)} onChange={(e) => toggle(l, e.target.checked)} name="autoOpenLabels" value={l} />
                {l}
              </label>
            ))}
          </div>
          <span className="block text-xs text-muted">Default: {CASE_SETTINGS_DEFAULTS.autoOpenLabels.join(', ')}.</span>
        </fieldset>
        {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
        <Button type="submit" variant="primary" disabled={pending}>{pending ? 'Saving…' : 'Save automatic-case settings'}</Button>
      </form>
    </Card>
  );
}
