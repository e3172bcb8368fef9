'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useState, useTransition } from 'react';
import type { QueuePage, QueueRow } from '@/lib/queue/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ToastRegion } from '@/components/ui/toast';
import { BulkBar } from '@/components/queue/bulk-bar';
import { BulkConfirm } from '@/components/queue/bulk-confirm';
import { keepVisible, selectRange, toggleId } from '@/components/queue/bulk-selection';
import { canReopen } from '@/components/queue/can-reopen';
import { ExposureLimitBanner } from '@/components/exposure/limit-banner';
import { HeldSection } from '@/components/queue/held-section';
import { HelpDialog } from '@/components/queue/help-dialog';
import { NewReportsBar } from '@/components/queue/new-reports-bar';
import { saveQueueContext } from '@/components/queue/queue-context';
import { QueueFilters } from '@/components/queue/queue-filters';
import { QueueHealth } from '@/components/queue/queue-health';
import { QueueRowItem, rowDomId, rowHref } from '@/components/queue/queue-row';
import { SavedFilters } from '@/components/queue/saved-filters';
import { toQueryString, type QueueFilterValues } from '@/components/queue/filter-values';
import { useLiveQueue } from '@/components/queue/use-live-queue';
import { useQueueKeys } from '@/components/queue/use-queue-keys';
import { useRowActions } from '@/components/queue/use-row-actions';

export function QueueClient({ initial, filters, canAct, gray = true, severeThumbsAt = 4, initialSelect }: {
  initial: QueuePage;
  filters: QueueFilterValues;
  canAct: boolean;
  /** The user's grayscale preference for the row thumbnails. */
  gray?: boolean;
  /** Severe items as hashes (issue 15): rows matched at this severity or above get no thumbnail; null shows them all. */
  severeThumbsAt?: number | null;
  /** `?select=<id>`: the row to select again ("Back to queue" from a report). */
  initialSelect?: string;
}) {
  const router = useRouter();
  const [navigating, startNavigation] = useTransition();
  const query = toQueryString(filters);
  const live = useLiveQueue(initial, query);
  const actions = useRowActions();
  const held = live.held;
  const [selectedId, setSelectedId] = useState<string | null>(
    initialSelect && [...initial.held ?? [], ...initial.items].some((r) => r.id === initialSelect) ? initialSelect : (initial.held?.[0]?.id ?? initial.items[0]?.id ?? null),
  );
  const [helpOpen, setHelpOpen] = useState(false);
  // Bulk selection (aria-selected) is separate from the current row (the active descendant).
  const [pickedRaw, setPicked] = useState<Set<string>>(() => new Set());
  const [anchor, setAnchor] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<QueueRow[] | null>(null);
  const [bulkBusy, setBulkBusy] = useState(false);
  // The controls show the choice at once; the list follows when the server page for the new URL arrives.
  const [draft, setDraft] = useState(filters);
  // A row held since it was shown moves up to the held section instead of showing twice.
  const rows = useMemo(() => {
    const heldIds = new Set(held.map((r) => r.id));
    return live.rows.filter((r) => !heldIds.has(r.id));
  }, [live.rows, held]);
  const order = useMemo(() => rows.map((r) => r.id), [rows]);
  // Keyboard order: held items first, then the list.
  const walk = useMemo(() => [...held, ...rows], [held, rows]);
  const picked = useMemo(() => keepVisible(pickedRaw, order), [pickedRaw, order]);
  const pickedRows = useMemo(() => rows.filter((r) => picked.has(r.id)), [rows, picked]);
  const index = walk.findIndex((r) => r.id === selectedId);
  const selected = index >= 0 ? walk[index] : undefined;
  // Reports of one case are grouped under one row unless the list is narrowed to one instance (list-queue.ts).
  const grouped = !filters.instanceId;

  // Filters live in the URL: the server page re-renders with fresh initial data for the new filters.
  const setFilters = useCallback((patch: Partial<QueueFilterValues>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    const qs = toQueryString(next);
    startNavigation(() => router.replace(qs ? `/queue?${qs}` : '/queue', { scroll: false }));
  }, [draft, router]);

  const applySaved = useCallback((qs: string) => {
    startNavigation(() => router.replace(qs ? `/queue?${qs}` : '/queue', { scroll: false }));
  }, [router]);

  useEffect(() => {
    if (selectedId) document.getElementById(rowDomId(selectedId))?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  /** Remembers filters, order and row so the report page can go "Back to queue" and on to the next report. */
  const open = useCallback((row: QueueRow) => {
    saveQueueContext({ query, ids: walk.map((r) => r.id), selectedId: row.id });
    router.push(rowHref(row, grouped));
  }, [grouped, walk, query, router]);

  const bulk = useCallback(async (fn: () => Promise<unknown>) => {
    setBulkBusy(true);
    try { await fn(); } finally { setBulkBusy(false); }
  }, []);

  const resolve = useCallback((targets: QueueRow[]) => {
    void bulk(() => actions.resolve(targets));
    if (targets.length > 1) setPicked(new Set());
  }, [actions, bulk]);

  /** Asks first where the server could never reopen what this resolves; the undo window applies either way. */
  const askResolve = useCallback((targets: QueueRow[]) => {
    if (targets.length === 0) return;
    if (targets.some((r) => !canReopen(r.instance.kind))) setConfirm(targets);
    else resolve(targets);
  }, [resolve]);

  const toggle = useCallback((id: string) => { setPicked((p) => toggleId(keepVisible(p, order), id)); setAnchor(id); }, [order]);

  useQueueKeys({
    move: (d) => {
      const next = walk[Math.min(walk.length - 1, Math.max(0, (index < 0 ? -1 : index) + d))];
      if (next) setSelectedId(next.id);
    },
    open: () => { if (selected) open(selected); },
    resolve: canAct ? () => { if (selected) askResolve([selected]); } : undefined,
    assign: canAct ? () => { if (selected) void actions.assign([selected]); } : undefined,
    toggleSelect: canAct ? () => { if (selected) toggle(selected.id); } : undefined,
    undo: canAct ? () => { void actions.undo(); } : undefined,
    clearSelection: picked.size > 0 ? () => setPicked(new Set()) : undefined,
    toggleHelp: () => setHelpOpen((o) => !o),
  });

  const unreopenable = confirm?.filter((r) => !canReopen(r.instance.kind)) ?? [];

  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-5 lg:grid-cols-[14rem_minmax(0,1fr)]">
      {/* On a phone the reports come first; the health panel follows them. */}
      <aside className="order-last lg:order-none"><QueueHealth counts={live.counts} selected={draft.instanceId} onSelect={(id) => setFilters({ instanceId: id })} /></aside>
      <section aria-labelledby="queue-heading" aria-busy={navigating}>
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <h2 id="queue-heading" className="sr-only">Reports</h2>
          <SavedFilters currentQuery={query} onApply={applySaved} />
          <p className="text-xs text-muted">Press <kbd className="rounded border border-line bg-surface px-1 font-mono">?</kbd> for keyboard shortcuts</p>
        </div>
        <ExposureLimitBanner status={initial.exposure} />
        <QueueFilters value={draft} counts={live.counts} onChange={setFilters} />
        <NewReportsBar count={live.fresh} onShow={live.showNew} />
        {live.refreshError ? <div className="mb-2"><Alert tone="error">Live refresh failed: {live.refreshError}</Alert></div> : null}
        <div aria-live="polite" className="sr-only">{actions.announce}</div>
        {canAct ? (
          <BulkBar
            count={picked.size}
            busy={bulkBusy}
            onResolve={() => askResolve(pickedRows)}
            onAssign={() => void bulk(() => actions.assign(pickedRows))}
            onTag={async (tag) => { let ok = false; await bulk(async () => { ok = await actions.tag(pickedRows, tag); }); return ok; }}
            onClear={() => setPicked(new Set())}
          />
        ) : null}
        <HeldSection
          rows={held}
          selectedId={selectedId}
          canAct={canAct}
          gray={gray}
          grouped={grouped}
          onDecided={() => void live.refetch()}
          handlersFor={(r) => ({ onSelect: () => setSelectedId(r.id), onOpen: () => open(r), onToggle: () => setSelectedId(r.id), onRange: () => setSelectedId(r.id) })}
        />
        {rows.length === 0 ? (
          <Card><p className="text-sm text-muted">No {filters.status} reports match these filters.</p></Card>
        ) : (
          <Card className="p-0">
            <ul
              role="listbox"
              aria-label={`${filters.status} reports`}
              aria-multiselectable={canAct ? 'true' : undefined}
              tabIndex={0}
              aria-activedescendant={selected && order.includes(selected.id) ? rowDomId(selected.id) : undefined}
              className={`focus-visible:outline-2 focus-visible:outline-accent ${navigating ? 'opacity-60' : ''}`}
              data-testid="queue-list"
            >
              {rows.map((r) => (
                <QueueRowItem
                  key={r.id}
                  row={hideThumb(r, severeThumbsAt) ? { ...r, thumbMediaId: null } : r}
                  current={r.id === selectedId}
                  picked={picked.has(r.id)}
                  dimmed={live.gone.has(r.id)}
                  note={actions.notes[r.id] ?? (live.gone.has(r.id) ? { text: filters.status === 'open' ? 'No longer open' : 'Reopened', tone: 'neutral' } : undefined)}
                  grouped={grouped}
                  gray={gray}
                  selectable={canAct}
                  handlers={{
                    onSelect: () => { setSelectedId(r.id); setAnchor(r.id); },
                    onOpen: () => open(r),
                    onToggle: () => { if (canAct) toggle(r.id); setSelectedId(r.id); },
                    onRange: () => {
                      if (!canAct) return setSelectedId(r.id);
                      setPicked((p) => selectRange(keepVisible(p, order), order, anchor ?? selectedId, r.id));
                      setSelectedId(r.id);
                    },
                  }}
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
      <BulkConfirm
        open={confirm !== null}
        total={confirm?.length ?? 0}
        cannotReopen={unreopenable.length}
        servers={[...new Set(unreopenable.map((r) => r.instance.kind))]}
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          const targets = confirm ?? [];
          setConfirm(null);
          resolve(targets);
        }}
      />
      <ToastRegion toasts={actions.toasts} onDismiss={actions.dismissToast} />
    </div>
  );
}

/** A severe row shows its match words but no picture, not even the blurred tile, while the person keeps that default. */
function hideThumb(r: QueueRow, severeAt: number | null): boolean {
  return severeAt !== null && !!r.match && (r.match.severity >= severeAt || r.match.label === 'csam');
}
