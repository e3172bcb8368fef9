'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { ApplicationView } from '@/lib/blocklists/types';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ScrollCard } from '@/components/ui/scroll-card';
import { ConfirmDialog } from './confirm-dialog';
import { count, plural, STATE_LABEL, STATE_TONE, when } from './labels';
import { useBlocklistAction } from './use-blocklist-action';

const KIND_LABEL: Record<ApplicationView['kind'], string> = { apply: 'Apply', undo: 'Undo', auto_retract: 'Automatic retraction' };

export function summaryText(s: ApplicationView['summary']): string {
  const parts = (['add', 'raise', 'lower', 'update', 'remove'] as const).filter((k) => s[k] > 0).map((k) => `${k} ${count(s[k])}`);
  return `${parts.length ? parts.join(', ') : 'no changes'} on ${plural(s.instances, 'instance')}`;
}

/** Applications, newest first. Undo sits on the one row that can be undone, behind a confirmation. */
export function ApplicationsTable({ applications, canUndo }: { applications: ApplicationView[]; canUndo: boolean }) {
  const [undoing, setUndoing] = useState<ApplicationView | null>(null);
  const [result, setResult] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const undo = useBlocklistAction<string, { applicationId: string | null }>((id) => ({ url: `/api/blocklists/applications/${id}/undo`, method: 'POST' }));

  function confirm() {
    if (!undoing) return;
    const target = undoing;
    undo.mutate(target.id, {
      onSuccess: () => { setUndoing(null); setResult({ tone: 'ok', text: `Undo queued: ${summaryText(target.summary)} are being put back.` }); },
      onError: (e) => { setUndoing(null); setResult({ tone: 'error', text: e.message }); },
    });
  }

  return (
    <div className="space-y-2">
      <div aria-live="polite">{result ? <Alert tone={result.tone}>{result.text}</Alert> : null}</div>
      {applications.length === 0 ? <p className="rounded-lg border border-line bg-surface p-4 text-sm text-muted">Nothing applied yet.</p> : (
        <ScrollCard label="Blocklist applications">
          <table className="w-full text-sm">
            <thead className="border-b border-line text-left text-xs uppercase tracking-wide text-muted">
              <tr>
                <th scope="col" className="px-3 py-2">When</th>
                <th scope="col" className="px-3 py-2">What</th>
                <th scope="col" className="px-3 py-2">State</th>
                <th scope="col" className="px-3 py-2">By</th>
                <th scope="col" className="px-3 py-2"><span className="sr-only">Undo</span></th>
              </tr>
            </thead>
            <tbody>
              {applications.map((a) => (
                <tr key={a.id} className="border-b border-line align-top last:border-0" data-testid="blocklist-application-row" data-state={a.state}>
                  <td className="px-3 py-2 whitespace-nowrap">
                    <Link href={`/blocklists/history/${a.id}`} className="font-medium text-accent hover:underline focus-visible:outline-2 focus-visible:outline-accent">{when(a.createdAt)}</Link>
                  </td>
                  <td className="px-3 py-2">
                    <div>{KIND_LABEL[a.kind]}: {summaryText(a.summary)}</div>
                    {a.undoneAt ? <div className="text-xs text-muted">Undone {when(a.undoneAt)}</div> : null}
                  </td>
                  <td className="px-3 py-2">
                    <Badge tone={STATE_TONE[a.state]}>{STATE_LABEL[a.state]}</Badge>
                    <div className="text-xs tabular-nums text-muted">{count(a.counts.done)} done{a.counts.queued ? ` · ${count(a.counts.queued)} queued` : ''}{a.counts.failed ? ` · ${count(a.counts.failed)} failed` : ''}</div>
                  </td>
                  <td className="px-3 py-2 break-all text-xs">{a.requestedBy ?? 'system'}</td>
                  <td className="px-3 py-2 text-right">
                    {a.canUndo && canUndo ? (
                      <Button type="button" variant="ghost" className="text-danger" onClick={() => { setResult(null); setUndoing(a); }} data-testid="blocklist-undo" aria-label={`Undo the application of ${when(a.createdAt)}`}>Undo</Button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollCard>
      )}
      <ConfirmDialog
        open={undoing !== null}
        title="Undo this application?"
        confirmLabel="Undo on the servers"
        confirmTestId="blocklist-undo-confirm"
        danger
        busy={undo.isPending}
        onCancel={() => setUndoing(null)}
        onConfirm={confirm}
      >
        {undoing ? <p>Each instance goes back to its state before {when(undoing.createdAt)}: {summaryText(undoing.summary)} are reversed. Blocks made by hand are not touched.</p> : null}
      </ConfirmDialog>
    </div>
  );
}
