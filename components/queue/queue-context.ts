'use client';
/**
 * Where the moderator came from: the queue writes its filters, the order of the rows it shows and the selected row
 * to sessionStorage when a report (or case) is opened; the report page reads it back to offer "Back to queue" (same
 * filters, same row selected) and to open the next report after an action. Per tab, never sent to the server.
 */
export interface QueueContext {
  /** The queue's query string (components/queue/filter-values.ts toQueryString), '' for the defaults. */
  query: string;
  /** Report ids in the order the queue showed them (grouped rows: the row's report id). */
  ids: string[];
  /** The row that was selected when the moderator left. */
  selectedId: string | null;
}

const KEY = 'fedimod.queue-context';

export function saveQueueContext(ctx: QueueContext): void {
  try { sessionStorage.setItem(KEY, JSON.stringify({ ...ctx, ids: ctx.ids.slice(0, 500) })); } catch { /* storage full or disabled: the links fall back to /queue */ }
}

export function readQueueContext(): QueueContext | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<QueueContext>;
    if (typeof v.query !== 'string' || !Array.isArray(v.ids)) return null;
    return { query: v.query, ids: v.ids.filter((x): x is string => typeof x === 'string'), selectedId: typeof v.selectedId === 'string' ? v.selectedId : null };
  } catch { return null; }
}

/** "Back to queue": the saved filters, with the row to select again (the queue page reads `?select=`). */
export function backToQueueHref(ctx: QueueContext | null, currentId?: string): string {
  const p = new URLSearchParams(ctx?.query ?? '');
  const select = currentId ?? ctx?.selectedId;
  if (select) p.set('select', select);
  const qs = p.toString();
  return qs ? `/queue?${qs}` : '/queue';
}

/** The report after `currentId` in the saved order, skipping ones already handled in this tab. */
export function nextReportId(ctx: QueueContext | null, currentId: string, skip: ReadonlySet<string> = new Set()): string | null {
  if (!ctx) return null;
  const i = ctx.ids.indexOf(currentId);
  const rest = i >= 0 ? ctx.ids.slice(i + 1) : ctx.ids;
  return rest.find((id) => id !== currentId && !skip.has(id)) ?? null;
}
