/** Words and numbers for exposure views: pure, shared by the personal page, the team table and the queue banner. */

export function minutesOf(seconds: number): number {
  return Math.round(seconds / 60);
}

/** "12 Mar" for a YYYY-MM-DD day (UTC), so server and browser print the same thing. */
export function shortDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? day : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

/** "Tue 14:05 UTC": an until-time in a fixed zone, since the server renders it before the browser could. */
export function whenUtc(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toLocaleString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })} UTC`;
}

export function durationWords(seconds: number | null): string {
  if (seconds === null) return 'duration unknown';
  if (seconds < 60) return `${Math.max(0, Math.round(seconds))} s`;
  return `${minutesOf(seconds)} min`;
}

export const KIND_WORDS = { reveal: 'Original revealed', case_view: 'Case viewed', evidence_open: 'Evidence opened' } as const;

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
