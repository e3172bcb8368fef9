import { Alert } from '@/components/ui/alert';
import type { ImportSummary as Summary } from './bank-api';

const fmt = new Intl.NumberFormat('en-US');

/** What an import did, and each rejected line with its reason so the file can be fixed and imported again. */
export function ImportSummary({ summary }: { summary: Summary }) {
  const s = summary;
  return (
    <div className="space-y-2" data-testid="import-summary">
      <Alert tone={s.rejected > 0 ? 'info' : 'ok'}>
        {s.file}: {fmt.format(s.accepted)} accepted ({fmt.format(s.inserted)} new, {fmt.format(s.duplicates)} already in the bank), {fmt.format(s.rejected)} rejected.
        {s.rematchRunId ? ' Stored media is being rematched.' : ''}
      </Alert>
      {s.rejectedLines.length > 0 ? (
        <div className="max-h-64 overflow-auto rounded-md border border-line" tabIndex={0} role="region" aria-label="Import problems">
          <table className="w-full text-xs">
            <thead className="sticky top-0 bg-surface text-left text-muted">
              <tr><th className="px-2 py-1">Line</th><th className="px-2 py-1">Reason</th><th className="px-2 py-1">Text</th></tr>
            </thead>
            <tbody>
              {s.rejectedLines.map((r) => (
                <tr key={r.line} className="border-t border-line">
                  <td className="px-2 py-1 tabular-nums">{r.line}</td>
                  <td className="px-2 py-1">{r.reason}</td>
                  <td className="max-w-48 truncate px-2 py-1 font-mono" title={r.text}>{r.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {s.rejected > s.rejectedLines.length ? <p className="px-2 py-1 text-xs text-muted">Showing the first {s.rejectedLines.length} of {fmt.format(s.rejected)} rejected lines.</p> : null}
        </div>
      ) : null}
    </div>
  );
}
