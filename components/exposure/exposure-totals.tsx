/** The 28-day totals as a definition list: numbers first, each with its words. */
import type { ExposureDay } from '@/lib/exposure/types';
import { minutesOf } from './format';

export function sumDays(days: Omit<ExposureDay, 'day'>[]): Omit<ExposureDay, 'day'> {
  return days.reduce(
    (s, d) => ({ reveals: s.reveals + d.reveals, severeReveals: s.severeReveals + d.severeReveals, revealSeconds: s.revealSeconds + d.revealSeconds, caseViews: s.caseViews + d.caseViews, evidenceOpens: s.evidenceOpens + d.evidenceOpens }),
    { reveals: 0, severeReveals: 0, revealSeconds: 0, caseViews: 0, evidenceOpens: 0 },
  );
}

export function ExposureTotals({ days }: { days: ExposureDay[] }) {
  const t = sumDays(days);
  const items: [string, number][] = [
    ['Originals revealed', t.reveals],
    ['Severe reveals', t.severeReveals],
    ['Minutes revealed', minutesOf(t.revealSeconds)],
    ['Cases viewed', t.caseViews],
    ['Evidence opened', t.evidenceOpens],
  ];
  return (
    <dl data-testid="exposure-totals" aria-label="Last 28 days" className="grid grid-cols-2 gap-3 sm:grid-cols-5">
      {items.map(([label, n]) => (
        <div key={label} className="rounded-md border border-line bg-surface p-3">
          <dt className="text-xs text-muted">{label}</dt>
          <dd className="text-xl font-semibold tabular-nums">{n}</dd>
        </div>
      ))}
    </dl>
  );
}
