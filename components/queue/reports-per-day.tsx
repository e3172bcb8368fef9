import type { DayCount } from '@/lib/queue/queue-health';

const W = 300;
const H = 80;

/** One sentence a screen reader can take in at once; the table behind <details> has every day. */
export function perDaySummary(days: DayCount[]): string {
  const received = days.reduce((n, d) => n + d.received, 0);
  const resolved = days.reduce((n, d) => n + d.resolved, 0);
  const busiest = days.reduce<DayCount | null>((b, d) => (d.received > (b?.received ?? 0) ? d : b), null);
  const peak = busiest ? `, busiest day ${busiest.day} with ${busiest.received}` : '';
  return `Reports per day over ${days.length} days: ${received} received, ${resolved} resolved${peak}.`;
}

/** Received (accent) and resolved (green) per UTC day, as paired bars in an inline SVG. */
export function ReportsPerDay({ days }: { days: DayCount[] }) {
  const max = Math.max(1, ...days.map((d) => Math.max(d.received, d.resolved)));
  const slot = W / Math.max(1, days.length);
  const bar = Math.max(1, slot / 2 - 0.5);
  const h = (n: number) => (n / max) * (H - 2);
  const summary = perDaySummary(days);
  return (
    <figure className="space-y-1" data-testid="reports-per-day">
      <figcaption className="text-xs font-semibold uppercase tracking-wide text-muted">Reports per day (30 days)</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} className="h-20 w-full" preserveAspectRatio="none">
        <line x1={0} y1={H - 0.5} x2={W} y2={H - 0.5} className="stroke-line" strokeWidth={1} />
        {days.map((d, i) => (
          <g key={d.day}>
            <rect x={i * slot} y={H - h(d.received)} width={bar} height={h(d.received)} className="fill-accent" />
            <rect x={i * slot + bar} y={H - h(d.resolved)} width={bar} height={h(d.resolved)} className="fill-ok" />
          </g>
        ))}
      </svg>
      <p className="flex gap-3 text-xs text-muted" aria-hidden="true">
        <span><span className="mr-1 inline-block size-2 bg-accent" />received</span>
        <span><span className="mr-1 inline-block size-2 bg-ok" />resolved</span>
      </p>
      <details className="text-xs">
        <summary className="cursor-pointer text-accent">Show as a table</summary>
        <div className="max-h-60 overflow-y-auto">
          <table className="mt-1 w-full tabular-nums">
            <caption className="sr-only">Reports received and resolved per day</caption>
            <thead><tr className="text-left text-muted"><th scope="col">Day (UTC)</th><th scope="col">Received</th><th scope="col">Resolved</th></tr></thead>
            <tbody>
              {days.map((d) => <tr key={d.day}><th scope="row" className="font-normal">{d.day}</th><td>{d.received}</td><td>{d.resolved}</td></tr>)}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
