import type { FetchView } from '@/lib/blocklists/types';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { count, when } from './labels';

function DomainList({ label, domains, total }: { label: string; domains: string[]; total: number }) {
  if (total === 0) return null;
  return (
    <details className="text-xs">
      <summary className="cursor-pointer rounded text-accent focus-visible:outline-2 focus-visible:outline-accent">{label} ({count(total)})</summary>
      <p className="mt-1 break-words font-mono text-muted">{domains.join(' · ')}{total > domains.length ? ` … and ${count(total - domains.length)} more` : ''}</p>
    </details>
  );
}

/** Each fetch of a source: what changed, and what could not be read (bad lines, unresolved obfuscated entries). */
export function FetchHistory({ fetches }: { fetches: FetchView[] }) {
  return (
    <section aria-labelledby="bl-fetches" className="space-y-2">
      <h2 id="bl-fetches" className="text-sm font-semibold">Fetch history ({fetches.length})</h2>
      {fetches.length === 0 ? <Card><p className="text-sm text-muted">Not fetched yet.</p></Card> : (
        <ol className="space-y-2">
          {fetches.map((f) => (
            <li key={f.id} className="rounded-lg border border-line bg-surface p-3" data-testid="blocklist-fetch-row">
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <time dateTime={f.at} className="font-medium tabular-nums">{when(f.at)}</time>
                {!f.ok ? <Badge tone="danger">Failed{f.httpStatus ? ` (${f.httpStatus})` : ''}</Badge> : f.notModified ? <Badge>Not modified</Badge> : <Badge tone="ok">OK</Badge>}
                {f.ok && !f.notModified ? (
                  <span className="text-xs text-muted tabular-nums">
                    {count(f.entryCount)} entries · +{count(f.addedCount)} −{count(f.removedCount)} ~{count(f.changedCount)}
                    {f.format ? ` · ${f.format}` : ''}
                  </span>
                ) : null}
              </div>
              {f.error ? <p className="mt-1 break-words text-xs text-danger">{f.error}</p> : null}
              <div className="mt-1 space-y-1">
                <DomainList label="Added" domains={f.added} total={f.addedCount} />
                <DomainList label="Removed" domains={f.removed} total={f.removedCount} />
                <DomainList label="Changed" domains={f.changed} total={f.changedCount} />
                {f.badLineCount > 0 ? (
                  <details className="text-xs" open={f === fetches[0]}>
                    <summary className="cursor-pointer rounded text-warn focus-visible:outline-2 focus-visible:outline-accent">Bad lines ({count(f.badLineCount)}): skipped, the rest was kept</summary>
                    <ul className="mt-1 space-y-0.5">
                      {f.badLines.map((b) => (
                        <li key={b.line} className="break-words" data-testid="blocklist-bad-line">
                          <span className="tabular-nums text-muted">line {b.line}:</span> <code className="rounded bg-subtle px-1">{b.text}</code> <span className="text-warn">{b.error}</span>
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null}
                {f.unresolved.length > 0 ? (
                  <details className="text-xs">
                    <summary className="cursor-pointer rounded text-warn focus-visible:outline-2 focus-visible:outline-accent">Unresolved obfuscated entries ({count(f.unresolved.length)}): never applied</summary>
                    <ul className="mt-1 space-y-0.5">
                      {f.unresolved.map((u) => <li key={`${u.line}-${u.pattern}`} className="break-all"><span className="tabular-nums text-muted">line {u.line}:</span> <code className="rounded bg-subtle px-1">{u.pattern}</code></li>)}
                    </ul>
                  </details>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
