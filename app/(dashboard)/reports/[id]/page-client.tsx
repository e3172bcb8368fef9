'use client';

import { ExposureLimitBanner } from '@/components/exposure/limit-banner';
import type { ExposureStatus } from '@/lib/exposure/types';
import { TeamCard } from '@/components/notes/team-card';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import type { ReportDetail } from '@/lib/queue/detail-types';
import { requestJson } from '@/components/api/request';
import { ActionPanel } from '@/components/actions/action-panel';
import { AccountElsewhere } from '@/components/actors/account-elsewhere';
import { ClaimBanner } from '@/components/claims/claim-banner';
import { Alert } from '@/components/ui/alert';
import { AccountCard } from '@/components/report-detail/account-card';
import { EarlierReports } from '@/components/report-detail/earlier-reports';
import { itemsHeading } from '@/components/report-detail/item-noun';
import type { MediaPrefs } from '@/components/report-detail/media-prefs';
import { ReportHeader } from '@/components/report-detail/report-header';
import { RemoteNotes } from '@/components/report-detail/remote-notes';
import { ReporterComment } from '@/components/report-detail/reporter-comment';
import { ReportSafety } from '@/components/safety/report-safety';
import { StatusCard } from '@/components/report-detail/status-card';
import { useReportFlow } from '@/components/report-detail/use-report-flow';

export function ReportClient({ initial, prefs, openedFrom, exposure }: { initial: ReportDetail; prefs: MediaPrefs; openedFrom: string | null; exposure?: ExposureStatus }) {
  const flow = useReportFlow(initial.id, openedFrom);
  // Same key the action panel invalidates after a request, so status and flags follow the moderator's actions.
  const { data: report, error } = useQuery({
    queryKey: ['report', initial.id],
    queryFn: () => requestJson<ReportDetail>(`/api/reports/${initial.id}`),
    initialData: initial,
    refetchInterval: flow.inFlight ? 2_000 : 30_000,
  });
  const heading = itemsHeading(report.instance.kind, report.statuses.map((s) => s.remoteId));
  return (
    <>
      <ExposureLimitBanner status={exposure} />
      <ClaimBanner subjectType="report" subjectKey={report.id} />
      {openedFrom ? (
        <p role="status" className="mb-2 rounded-md bg-info-soft px-3 py-1.5 text-sm" data-testid="opened-next">
          Opened the next report (<Link href={`/reports/${openedFrom}`} className="text-accent underline">Back</Link>)
        </p>
      ) : null}
      {flow.leaving ? <p role="status" className="mb-2 text-sm text-muted">Done. Opening the next report…</p> : null}
      <ReportHeader report={report} backHref={flow.backHref} />
      <ReportSafety report={report} />
      {error ? <div className="mb-3"><Alert tone="error">Could not refresh this report: {error.message}</Alert></div> : null}
      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-4">
          <ReporterComment report={report} />
          <RemoteNotes report={report} />
          <section aria-labelledby="statuses-heading" className="space-y-3">
            <h2 id="statuses-heading" className="text-sm font-semibold">Reported {heading} ({report.statuses.length})</h2>
            {report.statuses.length === 0 ? <p className="text-sm text-muted">This report does not point at any {heading}.</p> : null}
            {report.statuses.map((s, i) => <StatusCard key={s.id} status={s} index={i} reportId={report.id} prefs={prefs} canAct={report.canAct} kind={report.instance.kind} />)}
          </section>
          <EarlierReports reports={report.earlierReports} total={report.earlierTotal} />
        </div>
        <aside className="min-w-0 space-y-4" aria-label="Account and actions">
          <AccountCard title="Reported account" account={report.target} />
          <AccountElsewhere handle={report.target.handle} currentInstanceId={report.instance.id} />
          <ActionPanel reportId={report.id} canAct={report.canAct} reportActions={report.kind !== 'watch'} />
          <TeamCard subjectType="report" subjectKey={report.id} canWrite={report.canAct} />
          {report.reporter ? <AccountCard title="Reporter" account={report.reporter} /> : null}
        </aside>
      </div>
    </>
  );
}
