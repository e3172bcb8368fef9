/**
 * Queue dedup by case: reports that point at copies of one open case are reviewed once, so only the first row of
 * each case is shown; it carries the case badge that says how many reports it stands for. Pure and client-safe:
 * the server groups each page, and the browser applies the same rule across pages it appends.
 */
import type { QueueRow } from './types';

/** Keeps the first row of each case (rows without a case all stay), in order. */
export function groupByCase(rows: QueueRow[]): QueueRow[] {
  return dropShownCases([], rows);
}

/** `incoming` without rows whose case is already shown in `shown` (or earlier in `incoming`). */
export function dropShownCases(shown: readonly QueueRow[], incoming: readonly QueueRow[]): QueueRow[] {
  const seen = new Set(shown.flatMap((r) => (r.case ? [r.case.id] : [])));
  const out: QueueRow[] = [];
  for (const r of incoming) {
    if (r.case) {
      if (seen.has(r.case.id)) continue;
      seen.add(r.case.id);
    }
    out.push(r);
  }
  return out;
}
