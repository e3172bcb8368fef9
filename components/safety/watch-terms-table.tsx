import type { WatchTermView } from '@/lib/watch/types';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ScrollCard } from '@/components/ui/scroll-card';
import { termText, when } from './labels';
import { instanceNames, type InstanceOption } from './rules-table';

const KIND_LABEL: Record<string, string> = { hashtag: 'Hashtag', keyword: 'Keyword', domain: 'Link domain' };

/** The watched terms and how often they caught something. */
export function WatchTermsTable({ terms, instances, canEdit, onRemove }: { terms: WatchTermView[]; instances: InstanceOption[]; canEdit: boolean; onRemove?: (t: WatchTermView) => void }) {
  if (terms.length === 0) return <p className="rounded-lg border border-line bg-surface p-4 text-sm text-muted">Nothing is watched yet.</p>;
  return (
    <ScrollCard label="Watched terms">
      <table className="w-full text-sm">
        <thead className="border-b border-line text-left text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="px-3 py-2">Kind</th>
            <th scope="col" className="px-3 py-2">Term</th>
            <th scope="col" className="px-3 py-2">Instances</th>
            <th scope="col" className="px-2 py-2 text-right">Hits</th>
            <th scope="col" className="px-2 py-2 text-right">Last 24 h</th>
            <th scope="col" className="px-3 py-2">Last hit</th>
            {canEdit ? <th scope="col" className="px-3 py-2"><span className="sr-only">Remove</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {terms.map((t) => (
            <tr key={t.id} data-testid="watch-term-row" data-term-value={t.value} className="border-b border-line align-top last:border-0">
              <td className="px-3 py-2">{KIND_LABEL[t.kind] ?? t.kind}</td>
              <td className="px-3 py-2">
                <div className="font-medium break-all">{termText(t)}</div>
                {t.note ? <div className="text-xs text-muted break-words">{t.note}</div> : null}
                {!t.enabled ? <Badge>Off</Badge> : null}
              </td>
              <td className="px-3 py-2 text-xs">{instanceNames(t.instanceIds, instances)}</td>
              <td className="px-2 py-2 text-right tabular-nums" data-testid="watch-term-hits">{t.hits}</td>
              <td className="px-2 py-2 text-right tabular-nums">{t.recentHits}</td>
              <td className="px-3 py-2 text-xs whitespace-nowrap">{when(t.lastHitAt)}</td>
              {canEdit ? (
                <td className="px-3 py-2"><Button type="button" variant="ghost" className="text-danger" aria-label={`Remove ${termText(t)}`} onClick={() => onRemove?.(t)}>Remove</Button></td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollCard>
  );
}
