'use client';

/**
 * The list the moderator is looking at, kept still while the data moves underneath it.
 * `rows` only changes when the moderator asks (Load more, Show new). The first page is polled every 15 s:
 * rows already shown are updated in place (assignee, counts), rows that left the first page's range are
 * marked "gone" instead of removed, and reports not yet shown are only counted for the "N new" bar.
 */
import { useCallback, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { QueuePage, QueueRow } from '@/lib/queue/types';
import { fetchQueuePage } from './queue-api';

export const REFRESH_MS = 15_000;

export function useLiveQueue(initial: QueuePage, query: string) {
  const [rows, setRows] = useState<QueueRow[]>(initial.items);
  const [cursor, setCursor] = useState<string | null>(initial.nextCursor);
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const head = useQuery({
    queryKey: ['queue', query],
    queryFn: () => fetchQueuePage(query),
    initialData: initial,
    refetchInterval: REFRESH_MS,
  });
  const latest = head.data;

  const view = useMemo(() => {
    const byId = new Map(latest.items.map((r) => [r.id, r]));
    let lastShared = -1;
    rows.forEach((r, i) => { if (byId.has(r.id)) lastShared = i; });
    const shown = new Set(rows.map((r) => r.id));
    // A shown row missing from the fresh first page left the queue if it sat within that page's range.
    const gone = new Set(rows.filter((r, i) => !byId.has(r.id) && (latest.nextCursor === null || i < lastShared)).map((r) => r.id));
    return {
      rows: rows.map((r) => byId.get(r.id) ?? r),
      fresh: latest.items.filter((r) => !shown.has(r.id)).length,
      gone,
      lastShared,
    };
  }, [rows, latest]);

  const showNew = useCallback(() => {
    const ids = new Set(latest.items.map((r) => r.id));
    // Keep pages loaded beyond the first one when they still follow it; otherwise start from the fresh page.
    const tail = view.lastShared >= 0 ? rows.slice(view.lastShared + 1).filter((r) => !ids.has(r.id)) : [];
    setRows([...latest.items, ...tail]);
    setCursor(tail.length ? cursor : latest.nextCursor);
  }, [latest, rows, cursor, view.lastShared]);

  const loadMore = useCallback(async () => {
    if (!cursor || loadingMore) return;
    setLoadingMore(true);
    setLoadError(null);
    try {
      const page = await fetchQueuePage(query, cursor);
      setRows((prev) => {
        const have = new Set(prev.map((r) => r.id));
        return [...prev, ...page.items.filter((r) => !have.has(r.id))];
      });
      setCursor(page.nextCursor);
    } catch (e) {
      setLoadError(e instanceof Error ? e.message : 'Could not load more reports.');
    } finally {
      setLoadingMore(false);
    }
  }, [cursor, loadingMore, query]);

  return {
    ...view,
    counts: latest.counts,
    hasMore: cursor !== null,
    loadMore,
    loadingMore,
    loadError,
    refreshError: head.isError ? head.error.message : null,
    showNew,
  };
}
