'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { CaseListItem, CaseListPage } from '@/lib/cases/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { fetchCases } from '@/components/cases/case-api';
import { CaseListRow, caseRowDomId } from '@/components/cases/case-list-row';
import { useQueueKeys } from '@/components/queue/use-queue-keys';

type Filter = 'active' | 'closed' | 'all';
const FILTERS: { value: Filter; label: string }[] = [
  { value: 'active', label: 'Active' },
  { value: 'closed', label: 'Closed' },
  { value: 'all', label: 'All' },
];

export function CasesClient({ initial, state, gray }: { initial: CaseListPage; state: Filter; gray: boolean }) {
  const router = useRouter();
  // The first page follows the server (new cases open by themselves); pages loaded with "Load more" stay put.
  const head = useQuery({ queryKey: ['cases', state], queryFn: () => fetchCases(state), initialData: initial, refetchInterval: 30_000 });
  const [more, setMore] = useState<CaseListItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(initial.nextCursor);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const firstIds = new Set(head.data.items.map((c) => c.id));
  const rows = [...head.data.items, ...more.filter((c) => !firstIds.has(c.id))];
  const [selectedId, setSelectedId] = useState<string | null>(rows[0]?.id ?? null);
  const index = rows.findIndex((r) => r.id === selectedId);

  useEffect(() => {
    if (selectedId) document.getElementById(caseRowDomId(selectedId))?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  useQueueKeys({
    move: (d) => {
      const next = rows[Math.min(rows.length - 1, Math.max(0, (index < 0 ? -1 : index) + d))];
      if (next) setSelectedId(next.id);
    },
    open: () => { if (index >= 0) router.push(`/cases/${rows[index].id}`); },
    toggleHelp: () => {},
  });

  async function loadMore() {
    if (!cursor) return;
    setLoading(true);
    setLoadError(null);
    try {
      const page = await fetchCases(state, cursor);
      setMore((m) => [...m, ...page.items]);
      setCursor(page.nextCursor);
    } catch (e) {
      setLoadError(e instanceof Error ? e.message : 'Could not load more cases.');
    } finally {
      setLoading(false);
    }
  }

  return (
    <section aria-labelledby="cases-heading" className="space-y-3">
      <h2 id="cases-heading" className="sr-only">Cases</h2>
      <nav aria-label="Filter cases" className="flex flex-wrap items-center gap-1">
        {FILTERS.map((f) => (
          <Link
            key={f.value}
            href={f.value === 'active' ? '/cases' : `/cases?state=${f.value}`}
            aria-current={f.value === state ? 'page' : undefined}
            className={`rounded-md border px-2.5 py-1 text-sm ${f.value === state ? 'border-accent bg-selected font-medium text-accent' : 'border-line bg-surface text-ink hover:bg-hover'}`}
          >
            {f.label}
          </Link>
        ))}
        <p className="ml-auto text-xs text-muted">
          <kbd className="rounded border border-line bg-surface px-1 font-mono">j</kbd>/<kbd className="rounded border border-line bg-surface px-1 font-mono">k</kbd> move,{' '}
          <kbd className="rounded border border-line bg-surface px-1 font-mono">Enter</kbd> opens
        </p>
      </nav>
      {head.isError ? <Alert tone="error">Live refresh failed: {head.error.message}</Alert> : null}
      {rows.length === 0 ? (
        <Card className="space-y-2 text-sm">
          <p className="font-medium">{state === 'closed' ? 'No closed cases.' : state === 'all' ? 'No cases yet.' : 'No open cases.'}</p>
          <p className="text-muted">
            A case gathers one harmful item (an image and the post that carried it) with every copy any connected instance holds, so it is
            reviewed once and removed everywhere.
          </p>
          <p className="text-muted">
            A case opens from a report or a media item (&ldquo;Open case&rdquo; on the report page), or by itself when media matches a hash bank
            at or above the automatic-case severity in Settings.
          </p>
        </Card>
      ) : (
        <Card className="p-0">
          <ul
            role="listbox"
            aria-label={`${FILTERS.find((f) => f.value === state)?.label ?? ''} cases`}
            tabIndex={0}
            aria-activedescendant={index >= 0 ? caseRowDomId(rows[index].id) : undefined}
            className="focus-visible:outline-2"
          >
            {rows.map((c) => (
              <CaseListRow key={c.id} item={c} gray={gray} selected={c.id === selectedId} onSelect={() => setSelectedId(c.id)} onOpen={() => router.push(`/cases/${c.id}`)} />
            ))}
          </ul>
        </Card>
      )}
      <div className="flex items-center gap-3">
        {cursor ? <Button type="button" onClick={() => void loadMore()} disabled={loading}>{loading ? 'Loading…' : 'Load more'}</Button> : null}
        {loadError ? <Alert tone="error">{loadError}</Alert> : null}
      </div>
    </section>
  );
}
