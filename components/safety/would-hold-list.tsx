import Link from 'next/link';
import type { HoldView } from '@/lib/holding/types';
import { signalText, when } from './labels';

/** What dry-run rules would have held: the evidence for switching a rule to live (or not). */
export function WouldHoldList({ holds }: { holds: HoldView[] }) {
  if (holds.length === 0) return <p className="rounded-lg border border-line bg-surface p-4 text-sm text-muted">No dry-run rule has fired yet.</p>;
  return (
    <ul className="divide-y divide-line rounded-lg border border-line bg-surface">
      {holds.map((h) => (
        <li key={h.id} data-testid="would-hold-row" data-rule-name={h.ruleName} className="space-y-0.5 p-3 text-sm">
          <p className="flex flex-wrap gap-x-2">
            <span className="font-medium">{h.ruleName}</span>
            <span>would have {h.stepLabel ? `${h.stepLabel.charAt(0).toLowerCase()}${h.stepLabel.slice(1)}` : `held it without hiding anything${h.reason ? ` (${h.reason})` : ''}`}</span>
          </p>
          <p className="text-muted">
            {signalText(h.signal)} · <Link href={`/reports/${h.reportId}`} className="text-accent underline">item on {h.instanceName}</Link> · <time dateTime={h.createdAt} suppressHydrationWarning>{when(h.createdAt)}</time>
          </p>
        </li>
      ))}
    </ul>
  );
}
