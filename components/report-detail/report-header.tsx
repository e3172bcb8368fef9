import Link from 'next/link';
import type { ReportDetail } from '@/lib/queue/detail-types';
import { Badge } from '@/components/ui/badge';
import { categoryTone } from '@/components/queue/format';
import { CaseBadgeLink, groupText } from '@/components/cases/case-badge';
import { OpenCaseButton } from '@/components/cases/open-case-button';
import { timeAgo } from '@/components/ui/time-ago';

/**
 * Status, assignee and priority come from the live report query, so they change as soon as an action lands.
 * `backHref` is the queue with the moderator's filters and row (components/queue/queue-context.ts).
 */
export function ReportHeader({ report, backHref = '/queue' }: { report: ReportDetail; backHref?: string }) {
  return (
    <header className="mb-4 space-y-1.5" data-testid="report-header" data-status={report.status}>
      <p className="text-sm"><Link href={backHref} className="text-accent underline" data-testid="back-to-queue">← Back to queue</Link></p>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="min-w-0 text-xl font-semibold break-words">
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
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-muted">
        <Badge>{report.instance.kind}</Badge>
        <Badge tone={categoryTone(report.category)}>{report.category}</Badge>
        <Badge tone={report.status === 'open' ? 'info' : 'ok'}>{report.status === 'open' ? 'Open' : 'Resolved'}</Badge>
        {report.forwarded ? <Badge tone="warn">forwarded from another server</Badge> : null}
        <span>
          Created <time dateTime={report.remoteCreatedAt} title={report.remoteCreatedAt} suppressHydrationWarning>{timeAgo(report.remoteCreatedAt)}</time>
        </span>
        {report.status === 'resolved' && report.resolvedAt ? (
          <span>· Resolved <time dateTime={report.resolvedAt} title={report.resolvedAt} suppressHydrationWarning>{timeAgo(report.resolvedAt)}</time></span>
        ) : null}
        <span data-testid="report-assignee">· {report.assigneeAcct ? <>Assigned to <span dir="auto">{report.assigneeAcct}</span></> : 'Unassigned'}</span>
      </div>
      <p className="text-xs text-muted" data-testid="priority-reason">{report.priorityReason}</p>
    </header>
  );
}
