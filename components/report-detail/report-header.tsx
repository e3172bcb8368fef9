import Link from 'next/link';
import type { ReportDetail } from '@/lib/queue/detail-types';
import { Badge } from '@/components/ui/badge';
import { categoryTone, formatAge } from '@/components/queue/format';
import { CaseBadgeLink, groupText } from '@/components/cases/case-badge';
import { OpenCaseButton } from '@/components/cases/open-case-button';

export function ReportHeader({ report }: { report: ReportDetail }) {
  return (
    <header className="mb-4 space-y-1.5">
      <p className="text-sm"><Link href="/queue" className="text-accent underline">← Queue</Link></p>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-semibold">
          Report <span className="font-mono text-base">#{report.remoteId}</span> on {report.instance.name}
        </h1>
        {/* A report of an open case leads to it; otherwise moderators can open one from the report's media. */}
        {report.case ? (
          <span className="flex flex-wrap items-center gap-2 text-sm">
            <CaseBadgeLink badge={report.case} />
            {groupText(report.case) ? <span className="text-muted">{groupText(report.case)}</span> : null}
          </span>
        ) : report.canAct && report.statuses.some((s) => s.media.some((m) => m.state === 'done')) ? (
          <OpenCaseButton target={{ reportId: report.id }} context="for this report" />
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-2 text-sm text-muted">
        <Badge>{report.instance.kind}</Badge>
        <Badge tone={categoryTone(report.category)}>{report.category}</Badge>
        <Badge tone={report.status === 'open' ? 'info' : 'ok'}>{report.status}</Badge>
        {report.forwarded ? <Badge tone="warn">forwarded from another server</Badge> : null}
        <span>
          created <time dateTime={report.remoteCreatedAt} title={report.remoteCreatedAt} suppressHydrationWarning>{formatAge(report.remoteCreatedAt)} ago</time>
        </span>
        {report.resolvedAt ? <span>· resolved <time dateTime={report.resolvedAt} suppressHydrationWarning>{formatAge(report.resolvedAt)} ago</time></span> : null}
        {report.assigneeAcct ? <span>· assigned to {report.assigneeAcct}</span> : <span>· unassigned</span>}
        <span>· priority {report.priority}</span>
      </div>
    </header>
  );
}
