/** Small formatting for the evidence panel (pure). */

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

/** yyyy-mm-dd of an ISO instant, in UTC (retention dates are whole days). */
export const isoDay = (iso: string): string => iso.slice(0, 10);

/** The day after `iso` as yyyy-mm-dd: the earliest date a retention can be extended to. */
export function dayAfter(iso: string): string {
  const d = new Date(iso);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** End of a chosen day in UTC: "keep until 2027-12-31" keeps it through that whole day. */
export const endOfDayUtc = (day: string): string => `${day}T23:59:59.999Z`;

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
