import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import type { ActorReport } from '@/lib/actors/types';
import { shortDate } from './when';

export function ActorReports({ reports, showTarget = false, empty }: { reports: ActorReport[]; showTarget?: boolean; empty: string }) {
  if (reports.length === 0) return <p className="text-sm text-muted">{empty}</p>;
  return (
    <ul className="divide-y divide-line" data-testid="actor-reports">
      {reports.map((r) => (
        <li key={r.id} className="py-2 text-sm">
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <Link href={r.link} className="font-medium text-accent underline-offset-2 hover:underline">Report on {r.instance.name}</Link>
            <Badge tone={r.status === 'open' ? 'warn' : 'neutral'}>{r.status === 'open' ? 'Open' : 'Resolved'}</Badge>
            <span className="text-xs text-muted">{r.category} · {shortDate(r.remoteCreatedAt)}</span>
            {showTarget ? <span className="break-all text-xs text-muted">against {r.targetHandle}</span> : null}
          </div>
          {r.excerpt ? <p className="mt-0.5 break-words text-muted">{r.excerpt}</p> : null}
        </li>
      ))}
    </ul>
  );
}
