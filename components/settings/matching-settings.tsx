'use client';

/**
 * Hash-matching settings card. Admins edit; moderators see the values (a threshold they cannot see is a threshold
 * they cannot reason about when a match looks wrong).
 */
import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input } from '@/components/ui/field';
import { MATCH_SETTINGS_DEFAULTS, matchSettingsSchema, type MatchSettings } from '@/lib/matching/match-settings-schema';

type Status = { tone: 'ok' | 'error'; text: string } | null;

const saved = z.object({ settings: matchSettingsSchema, rematchRunId: z.string().nullable() });
const failed = z.object({ error: z.object({ message: z.string(), issues: z.array(z.object({ message: z.string() })).optional() }) });

async function save(settings: MatchSettings): Promise<{ ok: true; data: z.infer<typeof saved> } | { ok: false; message: string }> {
  try {
    const res = await fetch('/api/settings/matching', {
      method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(settings), credentials: 'same-origin',
    });
    const raw: unknown = await res.json().catch(() => null);
    const ok = res.ok ? saved.safeParse(raw) : null;
    if (ok?.success) return { ok: true, data: ok.data };
    const err = failed.safeParse(raw);
    return { ok: false, message: err.success ? (err.data.error.issues?.[0]?.message ?? err.data.error.message) : 'Something went wrong.' };
  } catch {
    return { ok: false, message: 'Could not reach the server. Check your connection and try again.' };
  }
}

export function MatchingSettings({ initial, canEdit }: { initial: MatchSettings; canEdit: boolean }) {
  const [form, setForm] = useState({ threshold: String(initial.threshold), qualityGate: String(initial.qualityGate) });
  const [status, setStatus] = useState<Status>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const parsed = matchSettingsSchema.safeParse({ threshold: Number(form.threshold), qualityGate: Number(form.qualityGate) });
    if (!parsed.success) return setStatus({ tone: 'error', text: 'Threshold must be a whole number 0–64 and the quality gate 0–100.' });
    setPending(true);
    const res = await save(parsed.data);
    setPending(false);
    if (!res.ok) return setStatus({ tone: 'error', text: res.message });
    setForm({ threshold: String(res.data.settings.threshold), qualityGate: String(res.data.settings.qualityGate) });
    setStatus({ tone: 'ok', text: res.data.rematchRunId ? 'Saved. Existing media are being matched again in the background.' : 'Saved (nothing changed).' });
  }

  return (
    <Card>
      <h2 className="mb-1 text-base font-semibold">Hash matching</h2>
      <p className="mb-4 text-sm text-muted">
        How close a PDQ hash must be to a bank entry to count as a match. Only hashes are compared; no image leaves this server.
      </p>
      <form onSubmit={onSubmit} className="space-y-3">
        <Field label="PDQ match threshold (bits of 256)" hint={`Default ${MATCH_SETTINGS_DEFAULTS.threshold}. Higher finds more altered copies and more false matches; above 31 lookups scan every entry.`}>
          <Input type="number" min={0} max={64} step={1} value={form.threshold} disabled={!canEdit} onChange={(e) => setForm({ ...form, threshold: e.target.value })} />
        </Field>
        <Field label="Minimum PDQ quality" hint={`Default ${MATCH_SETTINGS_DEFAULTS.qualityGate}. Flat or tiny images hash poorly; below this only exact MD5/SHA-256 matches count.`}>
          <Input type="number" min={0} max={100} step={1} value={form.qualityGate} disabled={!canEdit} onChange={(e) => setForm({ ...form, qualityGate: e.target.value })} />
        </Field>
        {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
        {canEdit ? (
          <Button type="submit" variant="primary" disabled={pending}>
            {pending ? 'Saving…' : 'Save matching settings'}
          </Button>
        ) : (
          <p className="text-xs text-muted">Only admins can change these.</p>
        )}
      </form>
    </Card>
  );
}
