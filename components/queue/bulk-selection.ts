/**
 * The queue's bulk selection as pure set arithmetic over the rows' order, so range and toggle rules are tested
 * without a browser. The anchor is the row a range starts from (the last row toggled or clicked), as in a file list.
 */
export function toggleId(picked: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(picked);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/**
 * Shift-click: adds every row between the anchor and the clicked row (both included) to the selection. Without an
 * anchor still in the list, it selects the clicked row alone.
 */
export function selectRange(picked: ReadonlySet<string>, order: readonly string[], anchor: string | null, id: string): Set<string> {
  const next = new Set(picked);
  const to = order.indexOf(id);
  if (to < 0) return next;
  const from = anchor ? order.indexOf(anchor) : -1;
  if (from < 0) return next.add(id);
  const [lo, hi] = from <= to ? [from, to] : [to, from];
  for (const rowId of order.slice(lo, hi + 1)) next.add(rowId);
  return next;
}

/** Rows that left the list (resolved elsewhere, filters changed) leave the selection too. */
export function keepVisible(picked: ReadonlySet<string>, order: readonly string[]): Set<string> {
  const visible = new Set(order);
  const next = new Set([...picked].filter((id) => visible.has(id)));
  return next.size === picked.size ? (picked as Set<string>) : next;
}
