/** A tiny 28-day reveals line for the team table; the row's numbers say the same in text, so it is decorative-plus. */
import type { ExposureDay } from '@/lib/exposure/types';

export function ExposureSparkline({ days, label }: { days: ExposureDay[]; label: string }) {
  const W = 84;
  const H = 20;
  const max = Math.max(1, ...days.map((d) => d.reveals));
  const step = days.length > 1 ? W / (days.length - 1) : W;
  const points = days.map((d, i) => `${(i * step).toFixed(1)},${(H - 1 - (d.reveals / max) * (H - 2)).toFixed(1)}`).join(' ');
  const total = days.reduce((s, d) => s + d.reveals, 0);
  const severe = days.reduce((s, d) => s + d.severeReveals, 0);
  return (
    <svg role="img" aria-label={`${label}: ${total} reveals in 28 days, ${severe} severe`} viewBox={`0 0 ${W} ${H}`} className="h-5 w-21">
      {days.length > 0 ? <polyline points={points} fill="none" className="stroke-accent" strokeWidth={1.5} strokeLinejoin="round" /> : null}
    </svg>
  );
}
