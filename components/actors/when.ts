/** Dates as a moderator reads them in a list: the day, and the time for today. Stable across server and browser. */
export function shortDate(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return d.toISOString().slice(0, 10);
}
