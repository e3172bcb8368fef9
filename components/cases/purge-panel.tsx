'use client';

/**
 * "Remove every copy": the plan (nothing runs before the moderator reviews and confirms it), then the run's live
 * progress and receipts. New receipts are announced in a polite live region ("Receipt: Beta Town removed") so a
 * screen-reader user hears them arrive without hunting through the tables.
 */
import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { CaseDetail } from '@/lib/cases/types';
import type { PurgePlan } from '@/lib/purge/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { approveStepsCall, cancelStepsCall, fetchPurgePlan, recheckCall, startPurgeCall } from './purge-api';
import { PurgeConfirmDialog } from './purge-confirm-dialog';
import { PurgePlanView } from './purge-plan';
import { PurgeProgress } from './purge-progress';
import { usePurgeRun } from './purge-run-query';
import { chosenRows, toChoices, VERDICT } from './purge-text';

export function PurgePanel({ c, isAdmin, names }: { c: CaseDetail; isAdmin: boolean; names: ReadonlyMap<string, string> }) {
  const client = useQueryClient();
  const { run, error: runError, refresh } = usePurgeRun(c.id, c.state);
  const [plan, setPlan] = useState<PurgePlan | null>(null);
  const [choices, setChoices] = useState<Map<string, string>>(new Map());
  const [reviewing, setReviewing] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [live, setLive] = useState('');
  const seen = useRef<Set<string> | null>(null);

  useEffect(() => {
    if (!run) return;
    const all = [...run.instances.flatMap((i) => i.receipts.map((r) => ({ r, name: i.instance.name }))), ...run.unchecked.map((r) => ({ r, name: names.get(r.instanceId) ?? 'an instance' }))];
    if (seen.current === null) { seen.current = new Set(all.map((x) => x.r.id)); return; }
    const fresh = all.filter((x) => !seen.current?.has(x.r.id));
    for (const x of fresh) seen.current.add(x.r.id);
    if (fresh.length > 0) setLive(fresh.map((x) => `Receipt: ${x.name} ${VERDICT[x.r.verdict].text.toLowerCase()}.`).join(' '));
  }, [run, names]);

  async function act<T>(name: string, fn: () => Promise<T>): Promise<T | null> {
    setBusy(name);
    setError(null);
    try {
      const out = await fn();
      await Promise.all([refresh(), client.invalidateQueries({ queryKey: ['case', c.id] })]);
      return out;
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Something went wrong.');
      return null;
    } finally {
      setBusy(null);
    }
  }

  async function openPlan() {
    const p = await act('plan', () => fetchPurgePlan(c.id));
    if (p) { setPlan(p); setChoices(new Map()); }
  }

  async function confirm() {
    if (!plan) return;
    const out = await act('start', () => startPurgeCall(c.id, toChoices(plan, choices)));
    if (!out) return;
    setReviewing(false);
    setPlan(null);
    setLive(out.needsAdmin > 0 ? `Purge started. ${out.needsAdmin} step${out.needsAdmin === 1 ? '' : 's'} wait for an admin.` : 'Purge started.');
  }

  const running = run?.state === 'running' || c.state === 'purging';
  const canStart = c.can.edit && c.state === 'open' && !running;
  // Viewers see a run's progress and receipts but never the controls; with nothing to show, no panel at all.
  if (!run && !plan && !canStart) return null;
  return (
    <Card className="space-y-3" data-testid="purge-panel" aria-labelledby="purge-heading" role="region">
      <h2 id="purge-heading" className="text-sm font-semibold">Purge</h2>
      <p className="sr-only" aria-live="polite" data-testid="purge-live">{live}</p>
      {runError ? <Alert tone="error">Could not refresh the purge: {runError}</Alert> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {run ? (
        <PurgeProgress
          run={run}
          names={names}
          copyLabel={(id) => copyLabel(c, id)}
          a={{
            canEdit: c.can.edit, isAdmin, busy,
            onApprove: () => void act('approve', () => approveStepsCall(c.id, run.id)),
            onCancel: () => void act('cancel', () => cancelStepsCall(c.id, run.id)),
            onRecheck: (instanceId) => void act(`recheck:${instanceId}`, () => recheckCall(c.id, run.id, instanceId)),
          }}
        />
      ) : null}
      {plan ? (
        <PurgePlanView
          plan={plan}
          choices={choices}
          busy={busy !== null}
          onChoose={(instanceId, optionId) => setChoices((m) => new Map(m).set(instanceId, optionId))}
          onReview={() => setReviewing(true)}
          onClose={() => setPlan(null)}
        />
      ) : canStart ? (
        <div className="space-y-1">
          <Button type="button" variant="danger" onClick={() => void openPlan()} disabled={busy !== null}>{busy === 'plan' ? 'Building the plan…' : 'Remove every copy…'}</Button>
          <p className="text-xs text-muted">Shows what would happen on each instance first. Nothing is removed before you confirm.</p>
        </div>
      ) : null}
      {plan ? (
        <PurgeConfirmDialog open={reviewing} rows={chosenRows(plan, choices)} sealsFirst={plan.sealsFirst} isAdmin={isAdmin} busy={busy === 'start'} onClose={() => setReviewing(false)} onConfirm={() => void confirm()} />
      ) : null}
    </Card>
  );
}

/** A receipt's copy as the moderator knows it: the post or file URL on that instance. */
function copyLabel(c: CaseDetail, copyId: string | null): string {
  if (copyId === null) return 'The instance (no copy could be looked up)';
  const copy = c.copies.find((x) => x.id === copyId);
  return copy ? (copy.postUrl ?? copy.mediaUrl ?? copy.remotePostId ?? copy.remoteMediaId ?? 'a copy') : 'a copy';
}
