import Link from 'next/link';
import type { EarlierReport } from '@/lib/queue/detail-types';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { categoryTone, formatAge } from '@/components/queue/format';

export function EarlierReports({ reports, total }: { reports: EarlierReport[]; total: number }) {
  return (
    <Card className="space-y-2">
      <h2 className="text-sm font-semibold">Other reports against this account <span className="font-normal text-muted">({total})</span></h2>
      {reports.length === 0 ? <p className="text-sm text-muted">None: this is the only report against this account.</p> : (
        <ul className="divide-y divide-line text-sm">
          {reports.map((r) => (
            <li key={r.id} className="flex items-center gap-2 py-1.5">
              <Badge tone={categoryTone(r.category)}>{r.category}</Badge>
              <Badge tone={r.status === 'open' ? 'info' : 'ok'}>{r.status}</Badge>
              <Link href={`/reports/${r.id}`} className="min-w-0 flex-1 truncate hover:underline" dir="auto">
                {r.excerpt || <em className="text-muted">No comment</em>}
              </Link>
              <time dateTime={r.remoteCreatedAt} className="text-xs text-muted tabular-nums" suppressHydrationWarning>{formatAge(r.remoteCreatedAt)}</time>
            </li>
          ))}
        </ul>
      )}
      {total > reports.length ? <p className="text-xs text-muted">Showing the latest {reports.length} of {total}.</p> : null}
    </Card>
  );
}
