'use client';

import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { CaseCopyView } from '@/lib/cases/types';
import { Badge } from '@/components/ui/badge';
import { ScrollCard } from '@/components/ui/scroll-card';
import { formatAge } from '@/components/queue/format';
import { COPY_STATE_TEXT, describeFoundBy } from './case-text';
import { acceptCopyCall } from './purge-api';
import { PurgeAcceptDialog } from './purge-accept-dialog';
import { canAcceptVerdict, VERDICT } from './purge-text';
import { SafeLink } from './safe-link';

const STATE_TONE = { present: 'danger', removed: 'ok', cannot_check: 'neutral', error: 'warn' } as const;

/**
 * Every copy by instance: where it is, how it was recognised, whether it is still there, and after a purge its
 * latest receipt; a copy that is still served or cannot be verified can be accepted as is, with a reason.
 */
export function CaseCopies({ copies, caseId, canAccept = false }: { copies: CaseCopyView[]; caseId?: string; canAccept?: boolean }) {
  const client = useQueryClient();
  const [accepting, setAccepting] = useState<CaseCopyView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function accept(reason: string) {
    if (!accepting || !caseId) return;
    setBusy(true);
    setError(null);
    try {
      await acceptCopyCall(caseId, accepting.id, reason);
      setAccepting(null);
      await Promise.all([client.invalidateQueries({ queryKey: ['case', caseId] }), client.invalidateQueries({ queryKey: ['purge-run', caseId] })]);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not accept the copy.');
    } finally {
      setBusy(false);
    }
  }
  const showReceipts = copies.some((c) => c.receiptVerdict !== null);
  const sorted = [...copies].sort((a, b) => a.instance.name.localeCompare(b.instance.name) || a.foundAt.localeCompare(b.foundAt));
  return (
    <section aria-labelledby="case-copies-heading" className="space-y-2">
      <h2 id="case-copies-heading" className="text-sm font-semibold">Copies ({copies.length})</h2>
      {copies.length === 0 ? (
        <p className="text-sm text-muted">No copy found yet. Lookups on the connected instances are listed below.</p>
      ) : (
        <ScrollCard label="Copies by instance">
          <table className="w-full min-w-[44rem] text-sm" data-testid="case-copies">
            <caption className="sr-only">Copies of the item on each instance</caption>
            <thead className="border-b border-line text-left text-xs uppercase tracking-wide text-muted">
              <tr>
                <th scope="col" className="px-3 py-2">Instance</th>
                <th scope="col" className="px-3 py-2">Post</th>
                <th scope="col" className="px-3 py-2">Media</th>
                <th scope="col" className="px-3 py-2">How found</th>
                <th scope="col" className="px-3 py-2">State</th>
                {showReceipts ? <th scope="col" className="px-3 py-2">Receipt</th> : null}
              </tr>
            </thead>
            <tbody>
              {sorted.map((c) => (
                <tr key={c.id} data-testid="case-copy" data-found-by={c.foundBy} className="border-b border-line align-top last:border-0">
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    {c.instance.name} <span className="block text-xs font-normal text-muted">{c.instance.kind}</span>
                  </th>
                  <td className="max-w-[13rem] px-3 py-2 [overflow-wrap:anywhere]">
                    <SafeLink href={c.postUrl} text={c.postUrl ?? c.remotePostId} short />
                    {c.accountAcct ? <span className="block text-xs text-muted" dir="auto">by {c.accountAcct}</span> : null}
                  </td>
                  <td className="max-w-[13rem] px-3 py-2 [overflow-wrap:anywhere]"><SafeLink href={c.mediaUrl} text={c.mediaUrl ?? c.remoteMediaId} short /></td>
                  <td className="min-w-[8rem] px-3 py-2">
                    {describeFoundBy(c)}
                    <span className="block text-xs text-muted">{c.foundVia === 'local' ? 'in our store' : 'by a lookup on the instance'}</span>
                  </td>
                  <td className="px-3 py-2">
                    <Badge tone={STATE_TONE[c.state]}>{COPY_STATE_TEXT[c.state]}</Badge>
                    {c.stateDetail ? <span className="block text-xs text-muted">{c.stateDetail}</span> : null}
                    <span className="block whitespace-nowrap text-xs text-muted">
                      checked <time dateTime={c.checkedAt} title={new Date(c.checkedAt).toLocaleString()} suppressHydrationWarning>{formatAge(c.checkedAt)} ago</time>
                    </span>
                  </td>
                  {showReceipts ? (
                    <td className="px-3 py-2" data-testid="copy-receipt" data-verdict={c.receiptVerdict ?? 'none'}>
                      {c.receiptVerdict ? (
                        <Badge tone={VERDICT[c.receiptVerdict].tone}><span aria-hidden="true">{VERDICT[c.receiptVerdict].icon}&nbsp;</span>{VERDICT[c.receiptVerdict].text}</Badge>
                      ) : <span className="text-xs text-muted">not checked</span>}
                      {canAccept && caseId && canAcceptVerdict(c.receiptVerdict) ? (
                        <button type="button" data-testid="copy-accept" className="mt-1 block text-xs text-accent underline" onClick={() => { setError(null); setAccepting(c); }}>
                          Accept as is…<span className="sr-only"> (copy on {c.instance.name})</span>
                        </button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollCard>
      )}
      {canAccept && caseId ? (
        <PurgeAcceptDialog
          open={accepting !== null}
          copyText={accepting ? `${accepting.instance.name}: ${accepting.postUrl ?? accepting.mediaUrl ?? accepting.remotePostId ?? ''}` : ''}
          busy={busy}
          error={error}
          onClose={() => setAccepting(null)}
          onAccept={(reason) => void accept(reason)}
        />
      ) : null}
    </section>
  );
}
