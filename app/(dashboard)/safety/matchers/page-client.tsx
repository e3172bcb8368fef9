'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import type { MatcherView } from '@/lib/matchers/types';
import { requestJson } from '@/components/api/request';
import { sendJson } from '@/components/auth/send-json';
import { ConfirmDialog } from '@/components/blocklists/confirm-dialog';
import { MatcherForm } from '@/components/safety/matcher-form';
import { MatchersTable } from '@/components/safety/matchers-table';
import type { InstanceOption } from '@/components/safety/rules-table';
import { Card } from '@/components/ui/card';

const testAnswer = z.object({ ok: z.boolean(), detail: z.string() });

export function MatchersClient({ initial, instances, canAllowPrivate }: { initial: MatcherView[]; instances: InstanceOption[]; canAllowPrivate: boolean }) {
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['matchers'], queryFn: async () => (await requestJson<{ matchers: MatcherView[] }>('/api/matchers')).matchers, initialData: initial, refetchInterval: 30_000 });
  const [editing, setEditing] = useState<MatcherView | null>(null);
  const [removing, setRemoving] = useState<MatcherView | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<{ text: string; ok: boolean } | null>(null);
  const refresh = () => void qc.invalidateQueries({ queryKey: ['matchers'] });

  async function test(m: MatcherView) {
    setBusy(m.id);
    const res = await sendJson(`/api/matchers/${m.id}/test`, 'POST', {}, testAnswer);
    setBusy(null);
    setStatus(res.ok ? { text: `${m.name}: ${res.data.ok ? 'works' : 'failed'}. ${res.data.detail}`, ok: res.data.ok } : { text: res.message, ok: false });
    refresh();
  }

  async function remove() {
    if (!removing) return;
    setBusy(removing.id);
    const res = await sendJson(`/api/matchers/${removing.id}`, 'DELETE', undefined, z.unknown());
    setBusy(null);
    setStatus({ text: res.ok ? `Removed ${removing.name}.` : res.message, ok: res.ok });
    setRemoving(null);
    if (res.ok) refresh();
  }

  return (
    <div className="space-y-6">
      <Card className="space-y-1 text-sm" data-testid="matchers-explainer">
        <h2 className="font-semibold">Only hashes leave this server</h2>
        <p>An outside matcher receives the PDQ or MD5 hashes of media from the instances that opt in, never the images and never links to them. Its hits show beside your own bank matches, with the service&apos;s name.</p>
        <p className="text-muted">A service that needs the image itself is not supported: Microsoft PhotoDNA Cloud&apos;s Match API, for one, takes the image, so it cannot be used here.</p>
      </Card>
      <section aria-labelledby="matchers-h" className="space-y-2">
        <h2 id="matchers-h" className="text-base font-semibold">Matchers ({q.data.length})</h2>
        <p role="status" aria-live="polite" data-testid="matcher-status" className={`text-sm ${status && !status.ok ? 'text-danger' : 'text-ok'}`}>{status?.text ?? ''}</p>
        {q.error ? <p role="alert" className="text-sm text-danger">{q.error.message}</p> : null}
        <MatchersTable matchers={q.data} instances={instances} busyId={busy} onEdit={setEditing} onRemove={setRemoving} onTest={(m) => void test(m)} />
        <Card>
          {editing ? (
            <MatcherForm key={editing.id} matcher={editing} instances={instances} canAllowPrivate={canAllowPrivate} onSaved={(t) => { setStatus({ text: t, ok: true }); setEditing(null); refresh(); }} onCancel={() => setEditing(null)} />
          ) : (
            <MatcherForm key="new" instances={instances} canAllowPrivate={canAllowPrivate} onSaved={(t) => { setStatus({ text: t, ok: true }); refresh(); }} />
          )}
        </Card>
      </section>
      <ConfirmDialog open={removing !== null} title="Remove this matcher?" confirmLabel="Remove matcher" confirmTestId="matcher-remove-confirm" busy={busy !== null} danger onConfirm={() => void remove()} onCancel={() => setRemoving(null)}>
        <p>{removing?.name} is no longer asked about new media. Its stored key is deleted with it.</p>
      </ConfirmDialog>
    </div>
  );
}
