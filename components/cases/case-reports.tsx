import Link from 'next/link';
import type { CaseReportView } from '@/lib/cases/types';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { formatAge } from '@/components/queue/format';

/** Reports of the item from every instance (excerpts are remote text, rendered escaped). */
export function CaseReports({ reports }: { reports: CaseReportView[] }) {
  return (
    <section aria-labelledby="case-reports-heading" className="space-y-2">
      <h2 id="case-reports-heading" className="text-sm font-semibold">Linked reports ({reports.length})</h2>
      <Card className="p-0">
        {reports.length === 0 ? (
          <p className="p-3 text-sm text-muted">No report points at this item.</p>
        ) : (
          <ul>
            {reports.map((r) => (
              <li key={r.id} data-testid="case-report" className="border-b border-line px-3 py-2 text-sm last:border-0">
                <div className="flex flex-wrap items-center gap-2">
                  <Link href={`/reports/${r.id}`} className="font-medium text-accent underline">Report #{r.remoteId} on {r.instance.name}</Link>
                  <Badge tone={r.status === 'open' ? 'info' : 'ok'}>{r.status}</Badge>
                  <span className="text-xs text-muted">{r.category} · against {r.targetAcct} · <time dateTime={r.remoteCreatedAt} suppressHydrationWarning>{formatAge(r.remoteCreatedAt)} ago</time></span>
                </div>
                {r.excerpt ? <p className="mt-0.5 truncate text-muted" dir="auto">{r.excerpt}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </section>
  );
}
