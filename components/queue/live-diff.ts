/**
 * The pure part of the live queue: how a fresh first page relates to the rows on screen.
 * - rows already shown are refreshed in place (assignee, media count) but never reordered;
 * - a shown row missing from the fresh page left the queue if it sat within that page's range ("gone");
 * - fresh rows not on screen are only counted (the "N new reports" bar);
 * - showing them puts the fresh page on top and keeps loaded rows that still follow it.
 */
import type { QueuePage, QueueRow } from '@/lib/queue/types';

export interface LiveView { rows: QueueRow[]; fresh: number; gone: Set<string>; lastShared: number }

export function diffLive(rows: QueueRow[], latest: QueuePage): LiveView {
  const byId = new Map(latest.items.map((r) => [r.id, r]));
  let lastShared = -1;
  rows.forEach((r, i) => { if (byId.has(r.id)) lastShared = i; });
  const shown = new Set(rows.map((r) => r.id));
  const gone = new Set(rows.filter((r, i) => !byId.has(r.id) && (latest.nextCursor === null || i < lastShared)).map((r) => r.id));
  return { rows: rows.map((r) => byId.get(r.id) ?? r), fresh: latest.items.filter((r) => !shown.has(r.id)).length, gone, lastShared };
}

export function mergeShowNew(rows: QueueRow[], cursor: string | null, latest: QueuePage, lastShared: number): { rows: QueueRow[]; cursor: string | null } {
  const ids = new Set(latest.items.map((r) => r.id));
  const tail = lastShared >= 0 ? rows.slice(lastShared + 1).filter((r) => !ids.has(r.id)) : [];
  return { rows: [...latest.items, ...tail], cursor: tail.length ? cursor : latest.nextCursor };
}
