'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState, useTransition } from 'react';
import type { QueuePage } from '@/lib/queue/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { HelpDialog } from '@/components/queue/help-dialog';
import { InstanceCounts } from '@/components/queue/instance-counts';
import { NewReportsBar } from '@/components/queue/new-reports-bar';
import { QueueFilters } from '@/components/queue/queue-filters';
import { QueueRowItem, rowDomId, rowHref } from '@/components/queue/queue-row';
import { toQueryString, type QueueFilterValues } from '@/components/queue/filter-values';
import { useLiveQueue } from '@/components/queue/use-live-queue';
import { useQueueKeys } from '@/components/queue/use-queue-keys';
import { useRowActions } from '@/components/queue/use-row-actions';

export function QueueClient({ initial, filters, canAct }: { initial: QueuePage; filters: QueueFilterValues; canAct: boolean }) {
  const router = useRouter();
  const [navigating, startNavigation] = useTransition();
  const query = toQueryString(filters);
  const live = useLiveQueue(initial, query);
  const actions = useRowActions();
  const [selectedId, setSelectedId] = useState<string | null>(initial.items[0]?.id ?? null);
  const [helpOpen, setHelpOpen] = useState(false);
  // The controls show the choice at once; the list follows when the server page for the new URL arrives.
  const [draft, setDraft] = useState(filters);
  const rows = live.rows;
  const index = rows.findIndex((r) => r.id === selectedId);
  const selected = index >= 0 ? rows[index] : undefined;
  // Reports of one case are grouped under one row unless the list is narrowed to one instance (list-queue.ts).
  const grouped = !filters.instanceId;

  // Filters live in the URL: the server page re-renders with fresh initial data for the new filters.
  const setFilters = useCallback((patch: Partial<QueueFilterValues>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    const qs = toQueryString(next);
    startNavigation(() => router.replace(qs ? `/queue?${qs}` : '/queue', { scroll: false }));
  }, [draft, router]);

  useEffect(() => {
    if (selectedId) document.getElementById(rowDomId(selectedId))?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  useQueueKeys({
    move: (d) => {
      const next = rows[Math.min(rows.length - 1, Math.max(0, (index < 0 ? -1 : index) + d))];
      if (next) setSelectedId(next.id);
    },
    open: () => { if (selected) router.push(rowHref(selected, grouped)); },
    resolve: canAct ? () => { if (selected) void actions.run(selected, 'report.resolve'); } : undefined,
    assign: canAct ? () => { if (selected) void actions.run(selected, 'report.assign_to_self'); } : undefined,
    toggleHelp: () => setHelpOpen((o) => !o),
  });

  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-5 lg:grid-cols-[14rem_minmax(0,1fr)]">
      <aside><InstanceCounts counts={live.counts} selected={draft.instanceId} onSelect={(id) => setFilters({ instanceId: id })} /></aside>
      <section aria-labelledby="queue-heading" aria-busy={navigating}>
        <div className="mb-2 flex items-center justify-between">
          <h2 id="queue-heading" className="sr-only">Reports</h2>
          <p className="text-xs text-muted">Press <kbd className="rounded border border-line bg-white px-1 font-mono">?</kbd> for keyboard shortcuts</p>
        </div>
        <QueueFilters value={draft} counts={live.counts} onChange={setFilters} />
        <NewReportsBar count={live.fresh} onShow={live.showNew} />
        {live.refreshError ? <div className="mb-2"><Alert tone="error">Live refresh failed: {live.refreshError}</Alert></div> : null}
        <div aria-live="polite" className="sr-only">{actions.announce}</div>
        {rows.length === 0 ? (
          <Card><p className="text-sm text-muted">No {filters.status} reports match these filters.</p></Card>
        ) : (
          <Card className="p-0">
            <ul
              role="listbox"
              aria-label={`${filters.status} reports`}
              tabIndex={0}
              aria-activedescendant={selected ? rowDomId(selected.id) : undefined}
              className={`focus-visible:outline-2 ${navigating ? 'opacity-60' : ''}`}
            >
              {rows.map((r) => (
                <QueueRowItem
                  key={r.id}
                  row={r}
                  selected={r.id === selectedId}
                  dimmed={live.gone.has(r.id)}
                  note={actions.notes[r.id] ?? (live.gone.has(r.id) ? { text: filters.status === 'open' ? 'No longer open' : 'Reopened', tone: 'neutral' } : undefined)}
                  grouped={grouped}
                  onSelect={() => setSelectedId(r.id)}
                  onOpen={() => router.push(rowHref(r, grouped))}
                />
              ))}
            </ul>
          </Card>
        )}
        <div className="mt-3 flex items-center gap-3">
          {live.hasMore ? <Button type="button" onClick={() => void live.loadMore()} disabled={live.loadingMore}>{live.loadingMore ? 'Loading…' : 'Load more'}</Button> : null}
          {live.loadError ? <Alert tone="error">{live.loadError}</Alert> : null}
        </div>
      </section>
      <HelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} canAct={canAct} />
    </div>
  );
}
