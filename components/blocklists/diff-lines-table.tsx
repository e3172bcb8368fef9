import type { DiffLine, DiffOp } from '@/lib/blocklists/types';
import { Badge } from '@/components/ui/badge';
import { describeBlock, OP_LABEL, OP_ORDER, OP_TONE } from './labels';

/** One instance's lines, grouped by op (the verb already sorts them so). Remote text is plain escaped JSX. */
export function DiffLinesTable({ lines, sourceName, instanceName }: { lines: DiffLine[]; sourceName: (id: string) => string; instanceName: string }) {
  const groups = OP_ORDER.map((op) => [op, lines.filter((l) => l.op === op)] as [DiffOp, DiffLine[]]).filter(([, ls]) => ls.length > 0);
  return (
    <div className="relative overflow-x-auto rounded-md border border-line focus-visible:outline-2 focus-visible:outline-accent" tabIndex={0} role="region" aria-label={`Changes for ${instanceName}`}>
      <table className="w-full text-sm">
        <thead className="border-b border-line bg-subtle text-left text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="px-2.5 py-1.5">Domain</th>
            <th scope="col" className="px-2.5 py-1.5">Change</th>
            <th scope="col" className="px-2.5 py-1.5">Before → after</th>
            <th scope="col" className="px-2.5 py-1.5">Sources</th>
          </tr>
        </thead>
        {groups.map(([op, ls]) => (
          <tbody key={op}>
            <tr className="border-b border-line"><th scope="rowgroup" colSpan={4} className="px-2.5 pt-2 pb-1 text-left text-xs font-semibold text-muted">{OP_LABEL[op]} ({ls.length})</th></tr>
            {ls.map((l) => (
              <tr key={`${op}-${l.domain}`} className="border-b border-line align-top last:border-0" data-testid="blocklist-preview-line" data-domain={l.domain} data-op={l.op}>
                <td className="px-2.5 py-1 break-words font-medium">{l.domain}</td>
                <td className="px-2.5 py-1 whitespace-nowrap"><Badge tone={OP_TONE[l.op]}>{OP_LABEL[l.op]}</Badge></td>
                <td className="px-2.5 py-1 text-xs">
                  <span className="whitespace-nowrap">{describeBlock(l.before)}</span>
                  {l.op === 'unsupported' || l.op === 'kept_hand' ? null : <> <span aria-label="becomes">→</span> <span className="whitespace-nowrap">{l.op === 'remove' ? 'no block' : describeBlock(l.after)}</span></>}
                  {l.note ? <div className="mt-0.5 text-muted">{l.note}</div> : null}
                </td>
                <td className="px-2.5 py-1 text-xs text-muted">{l.sourceIds.length ? l.sourceIds.map(sourceName).join(', ') : '—'}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
