'use client';

/**
 * "Open items…" of one seal: the manifest's list (names, sizes, hashes: no bytes), and per item an Open that
 * fetches its bytes. The reason is asked once per panel session (`withReason`); the server audits every open.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ManifestItem } from '@/lib/evidence/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { fetchEvidenceItems, openEvidenceItemCall } from './evidence-api';
import { EvidenceItemView } from './evidence-item-view';
import { formatBytes } from './evidence-text';

type Opened = { n: number; path: string; blob: Blob; mime: string };

export function EvidenceItems({ evidenceId, withReason }: { evidenceId: string; withReason: (use: (reason: string) => Promise<void>) => void }) {
  const list = useQuery({ queryKey: ['evidence-items', evidenceId], queryFn: () => fetchEvidenceItems(evidenceId), staleTime: Infinity });
  const [opened, setOpened] = useState<Opened[]>([]);
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  function open(item: ManifestItem) {
    withReason(async (reason) => {
      setBusy(item.n);
      setError(null);
      try {
        const got = await openEvidenceItemCall(evidenceId, item.n, reason);
        setOpened((cur) => [...cur.filter((o) => o.n !== item.n), { n: item.n, path: item.path, ...got }]);
      } catch (e) {
        setError(e instanceof Error ? e.message : 'Could not open the item.');
      } finally {
        setBusy(null);
      }
    });
  }

  if (list.isPending) return <p className="text-xs text-muted">Loading the item list…</p>;
  if (list.isError) return <Alert tone="error">{list.error.message}</Alert>;
  return (
    <div className="space-y-2">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <ul className="space-y-2" aria-label={`Items of seal v${list.data.version}`}>
        {list.data.items.map((item) => {
          const view = opened.find((o) => o.n === item.n);
          return (
            <li key={item.n} className="space-y-1 text-xs" data-testid="evidence-item" data-kind={item.kind}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="min-w-0 break-all font-mono">{item.path}</span>
                {item.kind === 'missing' ? (
                  <span className="text-muted">not kept{item.note ? `: ${item.note}` : ''}</span>
                ) : (
                  <Button type="button" className="px-2 py-0.5 text-xs" disabled={busy !== null} onClick={() => open(item)}>
                    {busy === item.n ? 'Opening…' : 'Open'}<span className="sr-only"> {item.path}</span>
                  </Button>
                )}
              </div>
              <span className="block text-muted">{item.kind} · {formatBytes(item.bytes)}{item.mime ? ` · ${item.mime}` : ''}</span>
              {view ? <EvidenceItemView path={view.path} blob={view.blob} mime={view.mime} onClose={() => setOpened((cur) => cur.filter((o) => o.n !== item.n))} /> : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
