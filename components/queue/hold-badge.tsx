import type { HoldView } from '@/lib/holding/types';
import { dueText, signalText, stepText } from '@/components/safety/labels';

/** A held item's state at a glance: the rule, the step (or "Not hidden") and when a human must decide. */
export function HoldBadge({ hold, now }: { hold: HoldView; now?: number }) {
  const step = hold.stepLabel ?? 'Not hidden';
  const due = dueText(hold, now);
  return (
    <span
      data-testid="hold-badge"
      data-state={hold.state}
      data-overdue={hold.overdue || undefined}
      title={`${hold.ruleName}: ${signalText(hold.signal)}`}
      className={`inline-flex flex-wrap items-center gap-x-1.5 rounded px-1.5 py-0.5 text-xs font-medium ${hold.overdue ? 'bg-danger-soft text-danger' : 'bg-warn-soft text-warn'}`}
    >
      <span className="font-semibold">Held by {hold.ruleName}</span>
      <span aria-hidden="true">·</span>
      <span>{step}</span>
      <span aria-hidden="true">·</span>
      <span>{due}</span>
    </span>
  );
}
