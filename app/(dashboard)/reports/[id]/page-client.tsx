'use client';

import { useQuery } from '@tanstack/react-query';
import type { ReportDetail } from '@/lib/queue/detail-types';
import { ActionPanel } from '@/components/actions/action-panel';
import { Alert } from '@/components/ui/alert';
import { AccountCard } from '@/components/report-detail/account-card';
import { EarlierReports } from '@/components/report-detail/earlier-reports';
import type { MediaPrefs } from '@/components/report-detail/media-prefs';
import { ReportHeader } from '@/components/report-detail/report-header';
import { RemoteNotes } from '@/components/report-detail/remote-notes';
import { ReporterComment } from '@/components/report-detail/reporter-comment';
import { StatusCard } from '@/components/report-detail/status-card';

async function fetchReport(id: string): Promise<ReportDetail> {
  const res = await fetch(`/api/reports/${id}`, { headers: { Accept: 'application/json' } });
  const body = (await res.json().catch(() => ({}))) as ReportDetail & { error?: { message?: string } };
  if (!res.ok) throw new Error(body.error?.message ?? `Request failed (${res.status})`);
  return body;
}

export function ReportClient({ initial, prefs }: { initial: ReportDetail; prefs: MediaPrefs }) {
  // Same key the action panel invalidates after a request, so status and flags follow the moderator's actions.
  const { data: report, error } = useQuery({
    queryKey: ['report', initial.id],
    queryFn: () => fetchReport(initial.id),
    initialData: initial,
    refetchInterval: 30_000,
  });
  return (
    <>
      <ReportHeader report={report} />
      {error ? <div className="mb-3"><Alert tone="error">Could not refresh this report: {error.message}</Alert></div> : null}
      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-4">
          <ReporterComment report={report} />
          <RemoteNotes report={report} />
          <section aria-labelledby="statuses-heading" className="space-y-3">
            <h2 id="statuses-heading" className="text-sm font-semibold">Reported statuses ({report.statuses.length})</h2>
            {report.statuses.length === 0 ? <p className="text-sm text-muted">This report does not point at any status.</p> : null}
            {report.statuses.map((s, i) => <StatusCard key={s.id} status={s} index={i} reportId={report.id} prefs={prefs} canAct={report.canAct} />)}
          </section>
          <EarlierReports reports={report.earlierReports} total={report.earlierTotal} />
        </div>
        <aside className="space-y-4" aria-label="Account and actions">
          <AccountCard title="Reported account" account={report.target} />
          <ActionPanel reportId={report.id} canAct={report.canAct} />
          {report.reporter ? <AccountCard title="Reporter" account={report.reporter} /> : null}
        </aside>
      </div>
    </>
  );
}
