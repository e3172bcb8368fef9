/**
 * A small accessible bar chart in inline SVG (no chart library): each bar is all reveals, with its severe part
 * drawn over it in the danger colour. The picture has a one-sentence summary for screen readers (role="img"), and
 * the same numbers sit in a table under a <details>, so nothing is only visual.
 */
export interface ChartBar {
  label: string;
  total: number;
  severe: number;
  minutes: number;
}

const H = 96;
const GAP = 2;

export function ExposureBarChart({ title, bars, testId, summary }: { title: string; bars: ChartBar[]; testId: string; summary: string }) {
  const max = Math.max(1, ...bars.map((b) => b.total));
  const w = 12;
  const width = bars.length * (w + GAP);
  const y = (n: number) => Math.round((n / max) * (H - 4));
  return (
    <figure className="space-y-2" data-testid={testId}>
      <figcaption className="text-sm font-medium">{title}</figcaption>
      <svg role="img" aria-label={summary} viewBox={`0 0 ${width} ${H}`} preserveAspectRatio="none" className="h-24 w-full">
        <line x1={0} x2={width} y1={H - 0.5} y2={H - 0.5} className="stroke-line" strokeWidth={1} />
        {bars.map((b, i) => (
          <g key={b.label}>
            {b.total > 0 ? <rect x={i * (w + GAP)} y={H - y(b.total)} width={w} height={y(b.total)} className="fill-accent" rx={1} /> : null}
            {b.severe > 0 ? <rect x={i * (w + GAP)} y={H - y(b.severe)} width={w} height={y(b.severe)} className="fill-danger" rx={1} /> : null}
          </g>
        ))}
      </svg>
      <p className="flex flex-wrap gap-3 text-xs text-muted">
        <span><span aria-hidden="true" className="mr-1 inline-block size-2.5 rounded-sm bg-accent" />Reveals</span>
        <span><span aria-hidden="true" className="mr-1 inline-block size-2.5 rounded-sm bg-danger" />Severe reveals</span>
        <span>{bars[0]?.label} to {bars.at(-1)?.label}</span>
      </p>
      <details className="text-sm">
        <summary className="cursor-pointer text-xs text-muted">Show the numbers as a table</summary>
        <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label={`${title}: numbers`}>
          <table className="w-full text-left text-xs">
            <caption className="sr-only">{title}</caption>
            <thead><tr className="border-b border-line"><th scope="col" className="py-1 pr-3">Period</th><th scope="col" className="pr-3">Reveals</th><th scope="col" className="pr-3">Severe</th><th scope="col">Minutes revealed</th></tr></thead>
            <tbody>
              {bars.map((b) => (
                <tr key={b.label} className="border-b border-line last:border-0"><th scope="row" className="py-1 pr-3 font-normal">{b.label}</th><td className="pr-3">{b.total}</td><td className="pr-3">{b.severe}</td><td>{b.minutes}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

/** A one-line summary of bars, for the chart's accessible name. */
export function chartSummary(what: string, bars: ChartBar[]): string {
  const total = bars.reduce((s, b) => s + b.total, 0);
  const severe = bars.reduce((s, b) => s + b.severe, 0);
  const peak = bars.reduce<ChartBar | null>((p, b) => (b.total > (p?.total ?? 0) ? b : p), null);
  return `${what}: ${total} reveals, ${severe} of them severe${peak ? `; most on ${peak.label} (${peak.total})` : ''}.`;
}
