import { ScrollCard } from '@/components/ui/scroll-card';
import type { CapabilityMatrix } from '@/lib/connectors/capability-matrix';

/** What the dashboard can do on each kind of server; hover a cell for what it means there. */
export function CapabilityMatrixTable({ matrix }: { matrix: CapabilityMatrix }) {
  return (
    <ScrollCard label="What each server kind supports">
      <table className="w-full text-sm" data-testid="capability-matrix">
        <caption className="px-3 pt-3 text-left text-sm font-semibold">What each server kind supports</caption>
        <thead className="border-b border-line text-left text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="px-3 py-2">Action</th>
            {matrix.kinds.map((k) => <th key={k} scope="col" className="px-3 py-2">{k}</th>)}
          </tr>
        </thead>
        <tbody>
          <tr className="border-b border-line text-xs text-muted">
            <th scope="row" className="px-3 py-1.5 text-left font-normal">Server versions</th>
            {matrix.kinds.map((k) => <td key={k} className="px-3 py-1.5">{matrix.minVersions[k] ? `${matrix.minVersions[k]}+` : '—'}</td>)}
          </tr>
          {matrix.rows.map((r) => (
            <tr key={r.action} className="border-b border-line last:border-0">
              <th scope="row" className="px-3 py-1.5 text-left font-normal">{r.label}</th>
              {matrix.kinds.map((k) => {
                const cell = r.cells[k];
                return (
                  <td key={k} className={`px-3 py-1.5 ${cell.supported ? 'text-ok' : 'text-muted'}`} title={cell.note ?? undefined}>
                    {cell.supported ? '✓' : '—'}
                    {cell.supported && cell.since ? <span className="text-xs text-muted"> {cell.since}+</span> : null}
                    <span className="sr-only">{cell.supported ? ' supported' : ' not supported'}{cell.note ? `: ${cell.note}` : ''}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollCard>
  );
}
