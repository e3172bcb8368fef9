import Link from 'next/link';
import type { SourceView } from '@/lib/blocklists/types';
import { Badge } from '@/components/ui/badge';
import { ScrollCard } from '@/components/ui/scroll-card';
import { count, FORMAT_LABEL, refreshLabel, when } from './labels';

/** Every source in one dense table: what it is, whether its last fetch worked, and how much it holds. */
export function SourcesTable({ sources }: { sources: SourceView[] }) {
  if (sources.length === 0) return <p className="rounded-lg border border-line bg-surface p-4 text-sm text-muted">No source yet. Subscribe to a list by its URL or upload a file.</p>;
  return (
    <ScrollCard label="Blocklist sources">
      <table className="w-full text-sm">
        <thead className="border-b border-line text-left text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="px-3 py-2">Source</th>
            <th scope="col" className="px-3 py-2">Entries</th>
            <th scope="col" className="px-3 py-2">Last fetch</th>
            <th scope="col" className="px-3 py-2">Status</th>
          </tr>
        </thead>
        <tbody>
          {sources.map((s) => (
            <tr key={s.id} className="border-b border-line align-top last:border-0" data-testid="blocklist-source-row" data-source-name={s.name}>
              <td className="px-3 py-2">
                <Link href={`/blocklists/sources/${s.id}`} className="font-medium text-accent hover:underline focus-visible:outline-2 focus-visible:outline-accent">{s.name}</Link>
                <div className="max-w-[22rem] break-all text-xs text-muted">{s.url ?? 'Uploaded file'}</div>
                <div className="mt-1 flex flex-wrap gap-1">
                  {s.trusted ? <Badge tone="info">Trusted</Badge> : null}
                  {!s.enabled ? <Badge>Disabled</Badge> : null}
                  <Badge>{FORMAT_LABEL[s.format] ?? s.format}</Badge>
                  {s.url ? <Badge>every {refreshLabel(s.refreshMinutes)}</Badge> : null}
                </div>
              </td>
              <td className="px-3 py-2 tabular-nums">
                <span data-testid="blocklist-source-entries">{count(s.entryCount)}</span>
                {s.badLineCount || s.unresolvedCount ? (
                  <div className="text-xs text-warn">
                    {s.badLineCount ? `${count(s.badLineCount)} bad` : null}
                    {s.badLineCount && s.unresolvedCount ? ' · ' : null}
                    {s.unresolvedCount ? `${count(s.unresolvedCount)} unresolved` : null}
                  </div>
                ) : null}
              </td>
              <td className="px-3 py-2 whitespace-nowrap text-xs">
                <div>{when(s.lastFetchedAt)}</div>
                {s.lastOkAt && s.lastOkAt !== s.lastFetchedAt ? <div className="text-muted">last ok {when(s.lastOkAt)}</div> : null}
              </td>
              <td className="px-3 py-2">
                {s.lastError ? (
                  <><Badge tone="danger">Failing</Badge><div className="mt-1 max-w-[18rem] break-words text-xs text-danger">{s.lastError}</div></>
                ) : s.lastFetchedAt ? <Badge tone="ok">OK</Badge> : <Badge>Waiting</Badge>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollCard>
  );
}
