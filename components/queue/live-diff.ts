/**
 * The pure part of the live queue: how a fresh first page relates to the rows on screen.
 * - rows already shown are refreshed in place (assignee, media count) but never reordered;
 * - a shown row missing from the fresh page left the queue if it sat within that page's range ("gone");
 * - fresh rows not on screen are only counted (the "N new reports" bar);
 * - showing them puts the fresh page on top and keeps loaded rows that still follow it;
 * - rows are grouped by case (lib/queue/group-by-case.ts): a shown row whose case is now represented by another
 *   fresh row is not "gone" (its report is still open, just grouped), and "show" keeps one row per case.
 */
import { dropShownCases } from '@/lib/queue/group-by-case';
import type { QueuePage, QueueRow } from '@/lib/queue/types';

export interface LiveView { rows: QueueRow[]; fresh: number; gone: Set<string>; lastShared: number }

export function diffLive(rows: QueueRow[], latest: QueuePage): LiveView {
  const byId = new Map(latest.items.map((r) => [r.id, r]));
  let lastShared = -1;
  rows.forEach((r, i) => { if (byId.has(r.id)) lastShared = i; });
  const shown = new Set(rows.map((r) => r.id));
  const freshCases = new Set(latest.items.flatMap((r) => (r.case ? [r.case.id] : [])));
  const grouped = (r: QueueRow) => r.case !== null && freshCases.has(r.case.id);
  const gone = new Set(rows.filter((r, i) => !byId.has(r.id) && !grouped(r) && (latest.nextCursor === null || i < lastShared)).map((r) => r.id));
  return { rows: rows.map((r) => byId.get(r.id) ?? r), fresh: latest.items.filter((r) => !shown.has(r.id)).length, gone, lastShared };
}

export function mergeShowNew(rows: QueueRow[], cursor: string | null, latest: QueuePage, lastShared: number): { rows: QueueRow[]; cursor: string | null } {
  const ids = new Set(latest.items.map((r) => r.id));
  const tail = lastShared >= 0 ? dropShownCases(latest.items, rows.slice(lastShared + 1).filter((r) => !ids.has(r.id))) : [];
  return { rows: [...latest.items, ...tail], cursor: tail.length ? cursor : latest.nextCursor };
}
