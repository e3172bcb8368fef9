import type { HoldView } from '@/lib/holding/types';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { HoldDecision } from './hold-api';
import { dueText, signalText, STATE_LABEL, STATE_TONE, stepText, when } from './labels';

/**
 * Every hold on this item, at the top of the report page: what fired, what was done (or why nothing was hidden),
 * when a human must decide and who did. Dry-run records only say what the rule would have done.
 */
export function HoldPanel({ holds, canAct, busyId, onDecide, now }: {
  holds: HoldView[];
  canAct: boolean;
  busyId?: string | null;
  onDecide?: (hold: HoldView, decision: HoldDecision) => void;
  now?: number;
}) {
  if (holds.length === 0) return null;
  return (
    <section aria-labelledby="hold-panel-heading" data-testid="hold-panel" className="mb-4 space-y-2 rounded-lg border border-danger/40 bg-surface p-4">
      <h2 id="hold-panel-heading" className="text-sm font-semibold">Holding cell</h2>
      <ul className="space-y-3">
        {holds.map((h) => (h.dryRun ? <DryRunLine key={h.id} hold={h} /> : (
          <li key={h.id} data-testid="hold-entry" data-state={h.state} className="space-y-1 text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <Badge tone={STATE_TONE[h.state]}>{STATE_LABEL[h.state]}</Badge>
              <span className="font-medium">Rule {h.ruleName}</span>
            </div>
            <p>{signalText(h.signal)}</p>
            <p data-testid="hold-step">{stepText(h)}</p>
            {h.decision ? (
              <p className="text-muted" data-testid="hold-decided">
                {h.decision === 'confirmed' ? 'Confirmed' : 'Undone'} by {h.decidedBy ?? 'someone'} {h.decidedAt ? `on ${when(h.decidedAt)}` : ''}
              </p>
            ) : (
              <p className={h.overdue ? 'font-medium text-danger' : 'text-muted'}>Review {dueText(h, now)} ({when(h.dueAt)})</p>
            )}
            {canAct && h.decidable && onDecide ? (
              <div className="flex flex-wrap gap-2 pt-1">
                <Button type="button" variant="primary" data-testid="hold-confirm" disabled={busyId === h.id} onClick={() => onDecide(h, 'confirm')}>Confirm hold</Button>
                <Button type="button" data-testid="hold-undo" disabled={busyId === h.id} onClick={() => onDecide(h, 'undo')}>Undo hold</Button>
              </div>
            ) : null}
          </li>
        )))}
      </ul>
    </section>
  );
}

function DryRunLine({ hold }: { hold: HoldView }) {
  const would = hold.stepLabel ? `would have: ${hold.stepLabel.charAt(0).toLowerCase()}${hold.stepLabel.slice(1)}` : `would have held it without hiding anything${hold.reason ? ` (${hold.reason})` : ''}`;
  return (
    <li data-testid="hold-entry" data-state={hold.state} className="space-y-1 text-sm">
      <p><Badge tone="info">Dry run</Badge> <span className="font-medium">Rule {hold.ruleName} (dry run) {would}</span></p>
      <p className="text-muted">{signalText(hold.signal)} · {when(hold.createdAt)}</p>
    </li>
  );
}
