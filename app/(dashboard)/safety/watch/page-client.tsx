'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import type { WatchInstanceView, WatchTermView } from '@/lib/watch/types';
import { requestJson } from '@/components/api/request';
import { sendJson } from '@/components/auth/send-json';
import { ConfirmDialog } from '@/components/blocklists/confirm-dialog';
import { termText } from '@/components/safety/labels';
import type { InstanceOption } from '@/components/safety/rules-table';
import { WatchCapabilities } from '@/components/safety/watch-capabilities';
import { WatchTermForm } from '@/components/safety/watch-term-form';
import { WatchTermsTable } from '@/components/safety/watch-terms-table';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';

interface Data { terms: WatchTermView[]; instances: WatchInstanceView[] }

export function WatchClient({ initial, instances, can }: { initial: Data; instances: InstanceOption[]; can: { edit: boolean; scan: boolean } }) {
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['watch', 'terms'], queryFn: () => requestJson<Data>('/api/watch/terms'), initialData: initial, refetchInterval: 30_000 });
  const [status, setStatus] = useState('');
  const [removing, setRemoving] = useState<WatchTermView | null>(null);
  const [busy, setBusy] = useState(false);
  const refresh = () => void qc.invalidateQueries({ queryKey: ['watch'] });

  async function scan() {
    setBusy(true);
    const res = await sendJson('/api/watch/scan', 'POST', {}, z.unknown());
    setBusy(false);
    setStatus(res.ok ? 'Scan requested on every instance. Hits land in the queue as watch items.' : res.message);
    if (res.ok) setTimeout(refresh, 3_000);
  }

  async function remove() {
    if (!removing) return;
    setBusy(true);
    const res = await sendJson(`/api/watch/terms/${removing.id}`, 'DELETE', undefined, z.unknown());
    setBusy(false);
    setStatus(res.ok ? `Stopped watching ${termText(removing)}.` : res.message);
    setRemoving(null);
    if (res.ok) refresh();
  }

  return (
    <div className="space-y-6">
      <section aria-labelledby="terms-h" className="space-y-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="terms-h" className="text-base font-semibold">Watched terms ({q.data.terms.length})</h2>
          {can.scan ? <Button type="button" onClick={() => void scan()} disabled={busy} data-testid="watch-scan-now">Scan now</Button> : null}
        </div>
        <p role="status" aria-live="polite" className="text-sm">{status}</p>
        {q.error ? <p role="alert" className="text-sm text-danger">{q.error.message}</p> : null}
        <WatchTermsTable terms={q.data.terms} instances={instances} canEdit={can.edit} onRemove={setRemoving} />
        {can.edit ? <Card><WatchTermForm instances={instances} onSaved={(t) => { setStatus(t); refresh(); }} /></Card> : null}
      </section>
      <section aria-labelledby="caps-h" className="space-y-2">
        <h2 id="caps-h" className="text-base font-semibold">What each instance can watch</h2>
        <p className="text-sm text-muted">Each server offers different ways to see new posts. A term is only watched where its kind can be looked up or the posts come by.</p>
        <WatchCapabilities instances={q.data.instances} />
      </section>
      <ConfirmDialog open={removing !== null} title="Stop watching this term?" confirmLabel="Remove term" confirmTestId="watch-term-remove-confirm" busy={busy} danger onConfirm={() => void remove()} onCancel={() => setRemoving(null)}>
        <p>{removing ? termText(removing) : ''} is no longer watched. Items it already caught stay in the queue.</p>
      </ConfirmDialog>
    </div>
  );
}
