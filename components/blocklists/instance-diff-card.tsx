import type { ApplyOp } from '@/lib/blocklists/types';
import { Badge } from '@/components/ui/badge';
import { DiffLinesTable } from './diff-lines-table';
import { count, OP_LABEL, OP_ORDER, OP_TONE, when } from './labels';
import { sendableCount, type PreviewInstance } from './preview-selection';

/** One instance's diff: a checkbox to include it, its semantics, counts per op as chips, then the lines. */
export function InstanceDiffCard({ inst, selected, onSelect, selectable, ops, sourceName }: {
  inst: PreviewInstance;
  selected: boolean;
  onSelect: (on: boolean) => void;
  selectable: boolean;
  ops: ReadonlySet<ApplyOp>;
  sourceName: (id: string) => string;
}) {
  const total = sendableCount(inst);
  const chosen = sendableCount(inst, [...ops]);
  const headingId = `bl-inst-${inst.instanceId}`;
  return (
    <section aria-labelledby={headingId} className={`min-w-0 space-y-2 rounded-lg border bg-surface p-3 ${selected && chosen > 0 ? 'border-accent/60' : 'border-line'}`} data-testid="blocklist-preview-instance" data-instance-name={inst.name}>
      <div className="flex flex-wrap items-start gap-x-3 gap-y-1">
        {selectable ? (
          <input type="checkbox" checked={selected} onChange={(e) => onSelect(e.target.checked)} aria-label={`Apply to ${inst.name}`} className="mt-1" disabled={total === 0} />
        ) : null}
        <div className="min-w-0 flex-1">
          <h3 id={headingId} className="text-sm font-semibold break-words">{inst.name} <span className="font-normal text-muted">· {inst.kind}</span></h3>
          <p className="text-xs text-muted">{inst.note}</p>
          <p className="text-xs text-muted">Blocks read {when(inst.blocksReadAt)}</p>
          {inst.blocksError ? <p className="text-xs text-danger">Last read failed: {inst.blocksError} The diff may be out of date.</p> : null}
        </div>
        <div className="flex flex-wrap gap-1" aria-label={`Counts for ${inst.name}`}>
          {total === 0 && !inst.counts.unsupported && !inst.counts.kept_hand ? <Badge tone="ok">Up to date</Badge> : null}
          {OP_ORDER.filter((op) => inst.counts[op] > 0).map((op) => <Badge key={op} tone={OP_TONE[op]}>{OP_LABEL[op]} {count(inst.counts[op])}</Badge>)}
        </div>
      </div>
      {inst.lines.length > 0 ? (
        // Open by default; folding a long instance lets the moderator move on to the next one.
        <details open className="space-y-2">
          <summary className="cursor-pointer rounded text-xs text-muted focus-visible:outline-2 focus-visible:outline-accent">{count(inst.lines.length)} line{inst.lines.length === 1 ? '' : 's'}</summary>
          <DiffLinesTable lines={inst.lines} sourceName={sourceName} instanceName={inst.name} />
        </details>
      ) : null}
      {inst.truncated ? <p className="text-xs text-muted">Only the first 500 lines are listed; the counts and an apply cover all of them.</p> : null}
    </section>
  );
}
