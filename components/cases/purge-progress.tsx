'use client';

/**
 * A purge as it runs: per instance its phase, its steps (attempts, last error), "Check again", and its receipts;
 * the admin's "Approve N admin steps" and "Cancel waiting steps" for steps not sent yet; a totals line.
 */
import type { PurgeRunView, ReceiptView } from '@/lib/purge/types';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { plural } from './case-text';
import { PurgeReceipts } from './purge-receipts';
import { PHASE_TEXT, STEP_STATE_TEXT, STEP_STATE_TONE } from './purge-text';

export interface ProgressActions {
  canEdit: boolean;
  isAdmin: boolean;
  busy: string | null;
  onApprove: () => void;
  onCancel: () => void;
  onRecheck: (instanceId: string) => void;
}

export function totalsText(t: PurgeRunView['totals']): string {
  const parts = [`${t.removed} removed`, `${t.stillServed} still served`, `${t.cannotVerify} cannot verify`, `${t.accepted} accepted`];
  if (t.pending > 0) parts.push(`${t.pending} waiting for a check`);
  return `${plural(t.copies, 'copy', 'copies')}: ${parts.join(', ')}`;
}

function groupByInstance(receipts: readonly ReceiptView[]): Map<string, ReceiptView[]> {
  const m = new Map<string, ReceiptView[]>();
  for (const r of receipts) m.set(r.instanceId, [...(m.get(r.instanceId) ?? []), r]);
  return m;
}

export function PurgeProgress({ run, names, copyLabel, a }: { run: PurgeRunView; names: ReadonlyMap<string, string>; copyLabel: (copyId: string | null) => string; a: ProgressActions }) {
  const steps = run.instances.flatMap((i) => i.steps);
  const needsAdmin = steps.filter((s) => s.state === 'needs_admin').length;
  const unsent = steps.filter((s) => s.state === 'needs_admin' || s.state === 'waiting').length;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-baseline gap-2 text-sm">
        <h3 className="font-semibold">Purge {run.state === 'running' ? 'in progress' : 'finished'}</h3>
        <span className="text-xs text-muted">
          started by {run.requestedByLabel} <time dateTime={run.createdAt} suppressHydrationWarning>{new Date(run.createdAt).toLocaleString()}</time>
        </span>
      </div>
      <p className="text-sm font-medium" data-testid="purge-totals">{totalsText(run.totals)}</p>
      {needsAdmin > 0 ? (
        <div className="flex flex-wrap items-center gap-2 rounded border border-warn/40 bg-warn-soft px-2 py-1.5 text-sm">
          <span>{needsAdmin === 1 ? '1 step waits' : `${needsAdmin} steps wait`} for an admin&apos;s approval.</span>
          {a.isAdmin ? (
            <Button type="button" variant="primary" data-testid="purge-approve" onClick={a.onApprove} disabled={a.busy !== null}>
              {a.busy === 'approve' ? 'Approving…' : `Approve ${needsAdmin} admin step${needsAdmin === 1 ? '' : 's'}`}
            </Button>
          ) : null}
        </div>
      ) : null}
      {unsent > 0 && a.canEdit ? (
        <Button type="button" variant="ghost" data-testid="purge-cancel" onClick={a.onCancel} disabled={a.busy !== null}>
          {a.busy === 'cancel' ? 'Cancelling…' : `Cancel waiting steps (${unsent})`}
        </Button>
      ) : null}
      <ul className="space-y-3" aria-label="Progress per instance">
        {run.instances.map((i) => (
          <li key={i.instance.id} data-testid="purge-progress-row" data-instance={i.instance.name} data-phase={i.phase} className="space-y-1.5 rounded border border-line p-2">
            <div className="flex flex-wrap items-center gap-2">
              <h4 className="font-semibold">{i.instance.name}</h4>
              <span className="text-xs text-muted">{i.instance.kind} · {i.optionLabel}</span>
              <Badge tone={i.phase === 'done' ? 'ok' : i.phase === 'failed' ? 'danger' : i.phase === 'waiting_admin' ? 'warn' : 'info'}>{PHASE_TEXT[i.phase]}</Badge>
              {a.canEdit && (i.phase === 'done' || i.phase === 'failed') ? (
                <Button type="button" className="ml-auto" onClick={() => a.onRecheck(i.instance.id)} disabled={a.busy !== null} aria-label={`Check ${i.instance.name} again`}>
                  {a.busy === `recheck:${i.instance.id}` ? 'Asking…' : 'Check again'}
                </Button>
              ) : null}
            </div>
            <ol className="space-y-0.5 text-sm [overflow-wrap:anywhere]" aria-label={`Steps on ${i.instance.name}`}>
              {i.steps.map((s) => (
                <li key={s.id} className="flex flex-wrap items-center gap-1.5">
                  <Badge tone={STEP_STATE_TONE[s.state]}>{STEP_STATE_TEXT[s.state]}</Badge>
                  <span>{s.label}</span>
                  {s.needsAdmin ? <Badge tone="warn">admin</Badge> : null}
                  {s.attempts > 1 ? <span className="text-xs text-muted">{s.attempts} attempts</span> : null}
                  {s.lastError && s.state !== 'done' ? <span className="text-xs text-danger">last error: {s.lastError}</span> : null}
                  {s.detail && !s.lastError ? <span className="text-xs text-muted">{s.detail}</span> : null}
                </li>
              ))}
            </ol>
            <PurgeReceipts receipts={i.receipts} instanceName={i.instance.name} copyLabel={copyLabel} />
          </li>
        ))}
        {[...groupByInstance(run.unchecked)].map(([instanceId, receipts]) => {
          const name = names.get(instanceId) ?? 'An instance';
          return (
            <li key={instanceId} data-testid="purge-progress-row" data-instance={name} data-phase="done" className="space-y-1.5 rounded border border-line p-2">
              <h4 className="font-semibold">{name}</h4>
              <PurgeReceipts receipts={receipts} instanceName={name} copyLabel={copyLabel} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
