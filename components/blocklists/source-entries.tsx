import type { SourceDetailView } from '@/lib/blocklists/types';
import { ScrollCard } from '@/components/ui/scroll-card';
import { count, describeBlock } from './labels';

/** The source's current entries (the first 500, by domain). */
export function SourceEntries({ entries, total }: { entries: SourceDetailView['entries']; total: number }) {
  return (
    <section aria-labelledby="bl-entries" className="space-y-2">
      <h2 id="bl-entries" className="text-sm font-semibold">Entries ({count(total)}){total > entries.length ? <span className="font-normal text-muted"> · first {count(entries.length)} shown</span> : null}</h2>
      {entries.length === 0 ? <p className="text-sm text-muted">No entries.</p> : (
        <ScrollCard label="Source entries">
          <table className="w-full text-sm">
            <thead className="border-b border-line text-left text-xs uppercase tracking-wide text-muted">
              <tr><th scope="col" className="px-3 py-1.5">Domain</th><th scope="col" className="px-3 py-1.5">Block</th><th scope="col" className="px-3 py-1.5">Public comment</th></tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.domain} className="border-b border-line align-top last:border-0">
                  <td className="px-3 py-1 break-words">
                    {e.wildcard ? '*.' : ''}{e.domain}
                    {e.obfuscatedAs ? <div className="text-xs text-muted">listed as {e.obfuscatedAs}</div> : null}
                  </td>
                  <td className="px-3 py-1 whitespace-nowrap">{describeBlock(e)}</td>
                  <td className="px-3 py-1 break-words text-muted" dir="auto">{e.publicComment ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollCard>
      )}
    </section>
  );
}
