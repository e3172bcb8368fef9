import type { CaseLookupView } from '@/lib/cases/types';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { describeLookup, isSearching } from './case-text';

/**
 * The latest lookup on each instance. Lookups only read the instance's own database; a kind that could only
 * answer by fetching from elsewhere says so instead. "Search again" asks every instance afresh.
 */
export function CaseLookups({ lookups, canSearch, busy, onSearch }: { lookups: CaseLookupView[]; canSearch: boolean; busy: boolean; onSearch: () => void }) {
  const searching = isSearching(lookups);
  return (
    <section aria-labelledby="case-lookups-heading" className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="case-lookups-heading" className="text-sm font-semibold">Lookups on connected instances</h2>
        {canSearch ? (
          <Button type="button" onClick={onSearch} disabled={busy || searching}>{busy ? 'Queuing…' : searching ? 'Searching…' : 'Search again'}</Button>
        ) : null}
      </div>
      <Card className="p-0">
        {lookups.length === 0 ? (
          <p className="p-3 text-sm text-muted">No instance has been asked yet.</p>
        ) : (
          <ul aria-live="polite" aria-busy={searching}>
            {[...lookups].sort((a, b) => a.instance.name.localeCompare(b.instance.name)).map((l) => {
              const d = describeLookup(l);
              return (
                <li key={l.instance.id} data-testid="case-lookup" data-status={l.status} className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 border-b border-line px-3 py-2 text-sm last:border-0">
                  <span className="font-medium">{l.instance.name}</span>
                  <span className="text-xs text-muted">{l.instance.kind}</span>
                  <Badge tone={d.tone}>{d.text}</Badge>
                  {d.detail ? <span className="basis-full text-xs text-muted [overflow-wrap:anywhere]">{d.detail}</span> : null}
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </section>
  );
}
