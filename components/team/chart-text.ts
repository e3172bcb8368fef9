/** Words and numbers for the dashboard (pure, tested without a browser). */

export function durationText(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return 'no data';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const min = Math.round(seconds / 60);
  if (min < 60) return `${min} min`;
  const h = seconds / 3600;
  if (h < 48) return `${h < 10 ? h.toFixed(1).replace(/\.0$/, '') : Math.round(h)} h`;
  return `${Math.round(h / 24)} days`;
}

export function ageText(iso: string | null, now: number): string {
  if (!iso) return 'nothing open';
  return `${durationText(Math.max(0, (now - new Date(iso).getTime()) / 1000))} ago`;
}

/** "Mon 3 Feb" style short label of a UTC day. */
export function dayLabel(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
}

/** Screen readers get the gist of a chart in one sentence; the full numbers are in the table behind it. */
export function seriesSummary(title: string, days: string[], series: { label: string; values: number[] }[], unit = ''): string {
  if (days.length === 0) return `${title}: no data.`;
  const parts = series.map((s) => {
    const total = s.values.reduce((a, b) => a + b, 0);
    const max = Math.max(0, ...s.values);
    const peak = max > 0 ? `, most on ${dayLabel(days[s.values.indexOf(max)])} (${max}${unit})` : '';
    return `${s.label} ${total}${unit} in total${peak}`;
  });
  return `${title} over ${days.length} days from ${dayLabel(days[0])} to ${dayLabel(days[days.length - 1])}: ${parts.join('; ')}.`;
}
