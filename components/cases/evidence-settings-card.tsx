'use client';

/** "Evidence retention": how long new seals are kept. Admins only (the route and the verb check too). */
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input } from '@/components/ui/field';
import { saveEvidenceSettings } from './evidence-api';
import { RETENTION_DEFAULT_DAYS, RETENTION_MAX_DAYS, RETENTION_MIN_DAYS } from './evidence-rules';

export function EvidenceSettingsCard({ initial }: { initial: { retentionDays: number } }) {
  const [days, setDays] = useState(String(initial.retentionDays));
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const n = Number(days);
  const valid = Number.isInteger(n) && n >= RETENTION_MIN_DAYS && n <= RETENTION_MAX_DAYS;

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!valid) return setStatus({ tone: 'error', text: `Choose a whole number of days from ${RETENTION_MIN_DAYS} to ${RETENTION_MAX_DAYS}.` });
    setPending(true);
    try {
      const saved = await saveEvidenceSettings(n);
      setDays(String(saved.retentionDays));
      setStatus({ tone: 'ok', text: 'Saved. Evidence sealed from now on is kept this long; existing seals keep their dates.' });
    } catch (err) {
      setStatus({ tone: 'error', text: err instanceof Error ? err.message : 'Something went wrong.' });
    } finally {
      setPending(false);
    }
  }

  return (
    <Card>
      <h2 className="mb-1 text-base font-semibold">Evidence retention</h2>
      <p className="mb-2 text-sm text-muted">
        How long sealed evidence is kept before a daily job destroys its files (the manifest and its hashes stay, and
        the destruction is in the audit log). US law (the REPORT Act) requires keeping what you report as CSAM for one
        year, so do not go below {RETENTION_DEFAULT_DAYS} days if you report to NCMEC.
      </p>
      <p className="mb-4 text-sm text-muted">Evidence under a legal hold is never destroyed, whatever its date says. Admins can also extend one seal on its case page.</p>
      <form onSubmit={(e) => void onSubmit(e)} className="space-y-3" aria-label="Evidence retention">
        <Field label="Keep new evidence for (days)" hint={`From ${RETENTION_MIN_DAYS} to ${RETENTION_MAX_DAYS}. Default ${RETENTION_DEFAULT_DAYS} (one year).`}>
          <Input type="number" inputMode="numeric" min={RETENTION_MIN_DAYS} max={RETENTION_MAX_DAYS} step={1} value={days} onChange={(e) => setDays(e.target.value)} name="retentionDays" required data-testid="evidence-retention-days" />
        </Field>
        {valid && n < RETENTION_DEFAULT_DAYS ? <Alert tone="info">Below one year: shorter than the REPORT Act asks for reported CSAM.</Alert> : null}
        {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
        <Button type="submit" variant="primary" disabled={pending}>{pending ? 'Saving…' : 'Save retention'}</Button>
      </form>
    </Card>
  );
}
