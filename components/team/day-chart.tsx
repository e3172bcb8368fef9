/**
 * A small per-day chart as inline SVG: stacked bars, or lines for values that are not counts (durations). The SVG
 * is one image with a summary for screen readers; the exact numbers are in a table behind a <details>.
 * Colours come from the theme tokens (fill- and stroke- classes), so it follows dark mode.
 */
import { dayLabel } from './chart-text';

export interface ChartSeries {
  label: string;
  /** One per day; null is "no data" (a gap in a line, nothing in a bar). */
  values: (number | null)[];
  /** A token colour name: accent, ok, warn, danger, muted. */
  tone: 'accent' | 'ok' | 'warn' | 'danger' | 'muted';
}

const FILL = { accent: 'fill-accent', ok: 'fill-ok', warn: 'fill-warn', danger: 'fill-danger', muted: 'fill-muted' } as const;
const STROKE = { accent: 'stroke-accent', ok: 'stroke-ok', warn: 'stroke-warn', danger: 'stroke-danger', muted: 'stroke-muted' } as const;
const BG = { accent: 'bg-accent', ok: 'bg-ok', warn: 'bg-warn', danger: 'bg-danger', muted: 'bg-muted' } as const;

const W = 600;
const H = 120;

export function DayChart({ testId, title, summary, days, series, kind = 'bars', format = String, height = H }: {
  testId?: string; title: string; summary: string; days: string[]; series: ChartSeries[]; kind?: 'bars' | 'lines'; format?: (v: number) => string; height?: number;
}) {
  const totals = days.map((_, i) => series.reduce((s, x) => s + (x.values[i] ?? 0), 0));
  const max = Math.max(1, ...(kind === 'bars' ? totals : series.flatMap((s) => s.values.map((v) => v ?? 0))));
  const slot = W / Math.max(1, days.length);
  const bar = Math.max(1, slot * 0.7);
  const y = (v: number) => height - (v / max) * (height - 4);
  return (
    <figure className="min-w-0 space-y-1" data-testid={testId}>
      <figcaption className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm font-medium">
        <span>{title}</span>
        {series.length > 1 || kind === 'lines' ? (
          <span className="flex flex-wrap gap-x-3 text-xs font-normal text-muted" aria-hidden="true">
            {series.map((s) => <span key={s.label} className="inline-flex items-center gap-1"><span className={`inline-block h-2 w-2 rounded-sm ${BG[s.tone]}`} />{s.label}</span>)}
          </span>
        ) : null}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${height}`} preserveAspectRatio="none" role="img" aria-label={summary} className="block h-28 w-full rounded border border-line bg-surface">
        <line x1={0} y1={height - 0.5} x2={W} y2={height - 0.5} className="stroke-line" strokeWidth={1} />
        {kind === 'bars'
          ? days.map((d, i) => {
            let base = height;
            return (
              <g key={d}>
                {series.map((s) => {
                  const v = s.values[i] ?? 0;
                  if (v <= 0) return null;
                  const h = height - y(v);
                  base -= h;
                  return <rect key={s.label} x={i * slot + (slot - bar) / 2} y={base} width={bar} height={h} className={FILL[s.tone]} />;
                })}
              </g>
            );
          })
          : series.map((s) => (
            <g key={s.label}>
              {segments(s.values).map((seg, k) => (
                <polyline key={k} fill="none" strokeWidth={2} vectorEffect="non-scaling-stroke" className={STROKE[s.tone]}
                  points={seg.map((i) => `${i * slot + slot / 2},${y(s.values[i] ?? 0)}`).join(' ')} />
              ))}
              {s.values.map((v, i) => (v === null ? null : <circle key={i} cx={i * slot + slot / 2} cy={y(v)} r={2.5} className={FILL[s.tone]} />))}
            </g>
          ))}
      </svg>
      <details className="text-xs">
        <summary className="cursor-pointer text-muted">Numbers behind the chart</summary>
        <div className="mt-1 max-h-64 overflow-auto">
          <table className="w-full text-left">
            <caption className="sr-only">{title}, per day</caption>
            <thead><tr className="text-muted"><th scope="col" className="pr-3 font-medium">Day</th>{series.map((s) => <th key={s.label} scope="col" className="pr-3 font-medium">{s.label}</th>)}</tr></thead>
            <tbody>
              {days.map((d, i) => (
                <tr key={d} className="border-t border-line">
                  <th scope="row" className="pr-3 font-normal"><time dateTime={d}>{dayLabel(d)}</time></th>
                  {series.map((s) => <td key={s.label} className="pr-3 tabular-nums">{s.values[i] === null ? '—' : format(s.values[i] as number)}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

/** Runs of consecutive days that have a value (a line breaks over days without data). */
function segments(values: (number | null)[]): number[][] {
  const out: number[][] = [];
  let cur: number[] = [];
  values.forEach((v, i) => {
    if (v === null) { if (cur.length) out.push(cur); cur = []; } else cur.push(i);
  });
  if (cur.length) out.push(cur);
  return out;
}
