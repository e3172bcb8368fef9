/** Nearest-rank percentiles over timings in milliseconds. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export const median = (v: number[]) => percentile(v, 50);
export const round2 = (n: number) => Math.round(n * 100) / 100;
