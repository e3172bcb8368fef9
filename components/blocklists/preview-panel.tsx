'use client';

/**
 * The preview: what applying would change on each instance, the choice of instances and kinds of change, and the
 * confirmation that repeats exactly the counts that will be sent. The digest of the diff shown is posted with the
 * apply, so the server refuses if anything moved in between.
 */
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { APPLY_OPS, type ApplyOp, type ApplyResult, type PreviewView } from '@/lib/blocklists/types';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from './confirm-dialog';
import { InstanceDiffCard } from './instance-diff-card';
import { count, OP_LABEL, plural, when } from './labels';
import { applyBlockedReason, plannedApply, sendableCount } from './preview-selection';
import { useBlocklistAction } from './use-blocklist-action';

type SyncResult = { results: { instanceId: string; name?: string; ok?: boolean; error?: string | null; count?: number }[] };

export function PreviewPanel({ preview, canSync, onApplied }: { preview: PreviewView; canSync: boolean; onApplied?: () => void }) {
  const supported = preview.instances.filter((i) => i.supported);
  const unsupported = preview.instances.filter((i) => !i.supported);
  const [excludedIds, setExcludedIds] = useState<Set<string>>(new Set());
  const [ops, setOps] = useState<Set<ApplyOp>>(new Set(APPLY_OPS));
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<{ tone: 'ok' | 'error'; text: string; applicationId?: string | null } | null>(null);

  // Selection is kept as exclusions, so instances that appear after a refresh start included.
  const selected = useMemo(() => new Set(supported.map((i) => i.instanceId).filter((id) => !excludedIds.has(id))), [supported, excludedIds]);
  const planned = useMemo(() => plannedApply(preview, selected, ops), [preview, selected, ops]);
  const blocked = applyBlockedReason(preview, planned, ops);
  const totalPlanned = planned.reduce((n, p) => n + p.total, 0);
  const opTotals = Object.fromEntries(APPLY_OPS.map((op) => [op, supported.filter((i) => selected.has(i.instanceId)).reduce((n, i) => n + i.counts[op], 0)])) as Record<ApplyOp, number>;
  const names = new Map(preview.sources.map((s) => [s.id, s.name]));
  const sourceName = (id: string) => names.get(id) ?? 'removed source';

  const apply = useBlocklistAction<{ instanceIds: string[]; ops: ApplyOp[]; digest: string }, ApplyResult>((body) => ({ url: '/api/blocklists/apply', method: 'POST', body }));
  const sync = useBlocklistAction<void, SyncResult>(() => ({ url: '/api/blocklists/blocks-sync', method: 'POST', body: {} }));

  function confirm() {
    apply.mutate(
      { instanceIds: planned.map((p) => p.instanceId), ops: APPLY_OPS.filter((o) => ops.has(o)), digest: preview.digest },
      {
        onSuccess: (r) => {
          setConfirming(false);
          onApplied?.();
          setResult({ tone: 'ok', text: r.applicationId ? `Queued ${plural(r.changes, 'change')} on ${plural(r.instances, 'instance')}. The lines go away as the servers confirm.` : 'Nothing needed changing.', applicationId: r.applicationId });
        },
        onError: (e) => { setConfirming(false); setResult({ tone: 'error', text: e.message }); },
      },
    );
  }

  function readBlocks() {
    setResult(null);
    sync.mutate(undefined, {
      onSuccess: (r) => {
        const failed = r.results.filter((x) => x.ok === false || x.error);
        setResult(failed.length
          ? { tone: 'error', text: `Read ${plural(r.results.length - failed.length, 'instance')}; ${failed.length} failed: ${failed.map((f) => `${f.name ?? f.instanceId}: ${f.error ?? 'failed'}`).join('; ')}` }
          : { tone: 'ok', text: `Read the blocks of ${plural(r.results.length, 'instance')}. The preview is current.` });
      },
      onError: (e) => setResult({ tone: 'error', text: e.message }),
    });
  }

  const toggle = <T,>(set: Set<T>, v: T, on: boolean) => { const n = new Set(set); if (on) n.add(v); else n.delete(v); return n; };

  return (
    <div className="space-y-4">
      <Card className="space-y-3">
        <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1 text-sm">
          <span><strong className="tabular-nums">{count(preview.merged.total)}</strong> domains in the merged list</span>
          <span className="text-xs text-muted">{count(preview.merged.suspend)} suspend · {count(preview.merged.silence)} limit · {count(preview.merged.noop)} reject only</span>
          <span className="text-xs text-muted">Policy: {preview.policy.threshold} source{preview.policy.threshold === 1 ? '' : 's'} (or one trusted), {preview.policy.severity === 'max' ? 'strongest severity' : 'agreed severity'}</span>
          <span className="text-xs text-muted">As of {when(preview.generatedAt)}</span>
        </div>
        {preview.excludedCount > 0 ? (
          <details className="text-xs">
            <summary className="cursor-pointer rounded text-accent focus-visible:outline-2 focus-visible:outline-accent">{count(preview.excludedCount)} listed domains not blocked (allowlist, own domains, below threshold)</summary>
            <ul className="mt-1 columns-1 gap-4 sm:columns-2 lg:columns-3">
              {preview.excluded.map((x) => (
                <li key={x.domain} className="break-all"><span className="font-medium">{x.domain}</span> <span className="text-muted">{x.reason === 'allowlist' ? 'allowlisted' : x.reason === 'own_domain' ? 'own domain' : `${x.sourceIds.length} of ${preview.policy.threshold} sources`}</span></li>
              ))}
            </ul>
          </details>
        ) : null}
        <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1.5 text-sm">
          <legend className="mb-1 text-xs font-medium text-muted">Changes to send</legend>
          {APPLY_OPS.map((op) => (
            <label key={op} className="flex items-center gap-1.5">
              <input type="checkbox" checked={ops.has(op)} onChange={(e) => setOps((s) => toggle(s, op, e.target.checked))} data-testid={`blocklist-op-${op}`} />
              {OP_LABEL[op]} <span className="tabular-nums text-muted">({count(opTotals[op])})</span>
            </label>
          ))}
        </fieldset>
        <div className="flex flex-wrap items-center gap-2">
          <Button type="button" variant="primary" disabled={blocked !== null || apply.isPending} aria-describedby={blocked ? 'bl-apply-why' : undefined} onClick={() => { setResult(null); setConfirming(true); }} data-testid="blocklist-apply">
            Apply to {plural(planned.length, 'instance')}
          </Button>
          {canSync ? (
            <Button type="button" disabled={sync.isPending} onClick={readBlocks} data-testid="blocklist-blocks-sync">{sync.isPending ? 'Reading…' : 'Read blocks from servers now'}</Button>
          ) : null}
          {preview.canApply && supported.length > 1 ? (
            <>
              <Button type="button" variant="ghost" onClick={() => setExcludedIds(new Set())}>Select all instances</Button>
              <Button type="button" variant="ghost" onClick={() => setExcludedIds(new Set(supported.map((i) => i.instanceId)))}>Select none</Button>
            </>
          ) : null}
          {blocked ? <p id="bl-apply-why" className="text-xs text-muted">{blocked}</p> : null}
        </div>
        <div aria-live="polite" data-testid="blocklist-preview-result">
          {result ? (
            <Alert tone={result.tone}>
              {result.text}{' '}
              {result.applicationId ? <Link className="font-medium underline" href={`/blocklists/history/${result.applicationId}`}>Follow it in the history</Link> : null}
            </Alert>
          ) : null}
        </div>
      </Card>

      {supported.length === 0 ? <Card><p className="text-sm text-muted">No instance you can see takes blocklists.</p></Card> : null}
      {supported.map((inst) => (
        <InstanceDiffCard
          key={inst.instanceId}
          inst={inst}
          selected={selected.has(inst.instanceId)}
          onSelect={(on) => setExcludedIds((s) => toggle(s, inst.instanceId, !on))}
          selectable={preview.canApply}
          ops={ops}
          sourceName={sourceName}
        />
      ))}

      {unsupported.length > 0 ? (
        <Card className="space-y-1">
          <h2 className="text-sm font-semibold">Cannot take blocklists</h2>
          <ul className="space-y-1 text-sm">
            {unsupported.map((i) => (
              <li key={i.instanceId} data-testid="blocklist-preview-unsupported" data-instance-name={i.name}>
                <span className="font-medium">{i.name}</span> <Badge>{i.kind}</Badge> <span className="text-xs text-muted">{i.note}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <ConfirmDialog
        open={confirming}
        title={`Apply to ${plural(planned.length, 'instance')}?`}
        confirmLabel={`Send ${plural(totalPlanned, 'change')}`}
        confirmTestId="blocklist-apply-confirm"
        busy={apply.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={confirm}
      >
        <p>These changes go to the servers through the outbox. You can undo the whole application from the history once it is done.</p>
        <ul className="space-y-1" data-testid="blocklist-apply-summary">
          {planned.map((p) => (
            <li key={p.instanceId} className="rounded-md bg-subtle px-2 py-1">
              <span className="font-medium break-words">{p.name}</span>:{' '}
              {APPLY_OPS.filter((op) => p.counts[op] > 0).map((op) => `${OP_LABEL[op].toLowerCase()} ${count(p.counts[op])}`).join(', ')}
            </li>
          ))}
        </ul>
        {supported.some((i) => selected.has(i.instanceId) && sendableCount(i) > 0 && i.blocksError) ? (
          <p className="text-warn">Some instances could not be read last time: their diff may be out of date.</p>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}
