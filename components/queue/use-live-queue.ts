'use client';

/**
 * The list the moderator is looking at, kept still while the data moves underneath it.
 * `rows` only changes when the moderator asks (Load more, Show new). The first page is polled every 15 s and
 * compared with what is on screen by live-diff.ts.
 */
import { useCallback, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { dropShownCases } from '@/lib/queue/group-by-case';
import type { QueuePage, QueueRow } from '@/lib/queue/types';
import { diffLive, mergeShowNew } from './live-diff';
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

  const view = useMemo(() => diffLive(rows, latest), [rows, latest]);

  const showNew = useCallback(() => {
    const merged = mergeShowNew(rows, cursor, latest, view.lastShared);
    setRows(merged.rows);
    setCursor(merged.cursor);
  }, [latest, rows, cursor, view.lastShared]);

  const loadMore = useCallback(async () => {
    if (!cursor || loadingMore) return;
    setLoadingMore(true);
    setLoadError(null);
    try {
      const page = await fetchQueuePage(query, cursor);
      // A later page may hold more reports of a case already shown: the first row shown stands for them all.
      setRows((prev) => {
        const have = new Set(prev.map((r) => r.id));
        return [...prev, ...dropShownCases(prev, page.items.filter((r) => !have.has(r.id)))];
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
    // Held items follow the latest poll at once (not kept still like the list): a decision must show.
    held: latest.held ?? [],
    refetch: head.refetch,
    hasMore: cursor !== null,
    loadMore,
    loadingMore,
    loadError,
    refreshError: head.isError ? head.error.message : null,
    showNew,
  };
}
