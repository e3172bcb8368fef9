'use client';

/**
 * Receipts of one instance: the latest per copy (what a real check found), then earlier rounds, folded. A verdict is
 * text plus a symbol, never color alone; the served SHA-256 is short on screen, whole on hover and in the copy button.
 */
import type { ReceiptView } from '@/lib/purge/types';
import { Badge } from '@/components/ui/badge';
import { VERDICT, shortHash } from './purge-text';

/** Latest receipt per copy (copyId null: the instance-level one) and the older ones, newest first. */
export function splitReceipts(receipts: readonly ReceiptView[]): { latest: ReceiptView[]; history: ReceiptView[] } {
  const sorted = [...receipts].sort((a, b) => b.checkedAt.localeCompare(a.checkedAt) || b.id.localeCompare(a.id));
  const seen = new Set<string>();
  const latest: ReceiptView[] = [];
  const history: ReceiptView[] = [];
  for (const r of sorted) {
    const key = r.copyId ?? `instance:${r.instanceId}`;
    if (seen.has(key)) history.push(r);
    else { seen.add(key); latest.push(r); }
  }
  return { latest, history };
}

function Row({ r, instanceName, copyLabel, testId }: { r: ReceiptView; instanceName: string; copyLabel: (copyId: string | null) => string; testId: string }) {
  const v = VERDICT[r.verdict];
  return (
    <tr data-testid={testId} data-instance={instanceName} data-verdict={r.verdict} className="border-b border-line align-top last:border-0">
      <th scope="row" className="max-w-[12rem] break-words px-2 py-1.5 text-left font-normal">{copyLabel(r.copyId)}</th>
      <td className="whitespace-nowrap px-2 py-1.5"><Badge tone={v.tone}><span aria-hidden="true">{v.icon}&nbsp;</span>{v.text}</Badge></td>
      <td className="px-2 py-1.5 tabular-nums">{r.httpStatus ?? '—'}</td>
      <td className="px-2 py-1.5 font-mono text-xs">
        {r.servedSha256 ? (
          <>
            <span title={r.servedSha256}>{shortHash(r.servedSha256)}</span>{' '}
            <button type="button" className="text-accent underline" onClick={() => void navigator.clipboard?.writeText(r.servedSha256 ?? '')} aria-label={`Copy the served SHA-256 ${r.servedSha256}`}>copy</button>
          </>
        ) : '—'}
      </td>
      <td className="whitespace-nowrap px-2 py-1.5 text-xs text-muted">
        <time dateTime={r.checkedAt} title={new Date(r.checkedAt).toLocaleString()} suppressHydrationWarning>{new Date(r.checkedAt).toLocaleTimeString()}</time>
      </td>
      <td className="min-w-[12rem] px-2 py-1.5 text-xs">{r.reason}{r.verdict === 'accepted' ? ` (by ${r.byLabel})` : ''}</td>
    </tr>
  );
}

function Table({ rows, instanceName, copyLabel, caption, testId }: { rows: ReceiptView[]; instanceName: string; copyLabel: (copyId: string | null) => string; caption: string; testId: string }) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full min-w-[40rem] text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-line text-left text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="px-2 py-1">Copy</th>
            <th scope="col" className="px-2 py-1">Verdict</th>
            <th scope="col" className="px-2 py-1">HTTP</th>
            <th scope="col" className="px-2 py-1">Served SHA-256</th>
            <th scope="col" className="px-2 py-1">Checked</th>
            <th scope="col" className="px-2 py-1">Reason</th>
          </tr>
        </thead>
        <tbody>{rows.map((r) => <Row key={r.id} r={r} instanceName={instanceName} copyLabel={copyLabel} testId={testId} />)}</tbody>
      </table>
    </div>
  );
}

export function PurgeReceipts({ receipts, instanceName, copyLabel }: { receipts: ReceiptView[]; instanceName: string; copyLabel: (copyId: string | null) => string }) {
  if (receipts.length === 0) return <p className="text-xs text-muted">No receipt yet.</p>;
  const { latest, history } = splitReceipts(receipts);
  return (
    <div className="space-y-1">
      <Table rows={latest} instanceName={instanceName} copyLabel={copyLabel} caption={`Receipts from ${instanceName}`} testId="receipt-row" />
      {history.length > 0 ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-xs text-muted">Earlier checks ({history.length})</summary>
          <Table rows={history} instanceName={instanceName} copyLabel={copyLabel} caption={`Earlier receipts from ${instanceName}`} testId="receipt-history-row" />
        </details>
      ) : null}
    </div>
  );
}
