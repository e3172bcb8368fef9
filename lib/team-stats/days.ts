/** The UTC days of a period ending today, oldest first (pure: the figures are zero-filled against this list). */
export function periodDays(days: number, now: Date): { since: Date; dayList: string[] } {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const since = new Date(today - (days - 1) * 86_400_000);
  const dayList = Array.from({ length: days }, (_, i) => new Date(since.getTime() + i * 86_400_000).toISOString().slice(0, 10));
  return { since, dayList };
}

export function zeroFill<T extends { day: string }, F>(dayList: string[], rows: T[], empty: (day: string) => F, pick: (row: T) => F): F[] {
  const byDay = new Map(rows.map((r) => [r.day, r]));
  return dayList.map((d) => {
    const r = byDay.get(d);
    return r ? pick(r) : empty(d);
  });
}
