'use client';

import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { kindLabel } from './labels';
import { AccountActionForm } from './account-action-form';
import { AccountDelete } from './account-delete';
import { ActionHistory } from './action-history';
import { DomainBlockForm } from './domain-block-form';
import { MediaPurge } from './media-purge';
import { ReportActions } from './report-actions';
import { useReportActions } from './use-report-actions';

/**
 * Everything a moderator can do about one report, limited to what this server's API really supports,
 * with each request's state (pending, done, failed with the remote's error) and a retry for failures.
 */
/** `reportActions` false: a watch-list item (issue 14) has no report on the server, so report.* do not apply. */
export function ActionPanel({ reportId, canAct, reportActions = true }: { reportId: string; canAct: boolean; reportActions?: boolean }) {
  const { query, request, retry } = useReportActions(reportId);
  if (query.isPending) return <Card><p className="text-sm text-muted">Loading actions…</p></Card>;
  if (query.isError) return <Alert tone="error">Could not load actions: {query.error.message}</Alert>;
  const data = query.data;
  const allowed = canAct && data.canAct;
  const submit = (a: Record<string, unknown>) => request.mutate(a);
  // Blocklists are applied from /blocklists, not from a report: their note says nothing about this report.
  const missing = Object.entries(data.capabilities.notes).filter(([k]) => k !== 'domain.blocks_reconcile' && !data.capabilities.actions.includes(k as never));
  return (
    <div className="space-y-3" data-testid="action-panel">
      {request.isError ? <Alert tone="error">{request.error.message}</Alert> : null}
      {request.isSuccess ? <Alert tone="ok">Requested. The worker is carrying it out on {data.instance.name}.</Alert> : null}
      {allowed ? (
        <>
          {reportActions ? (
            <Card className="space-y-2">
              <h2 className="text-sm font-semibold">Report</h2>
              <ReportActions data={data} busy={request.isPending} onSubmit={submit} />
            </Card>
          ) : null}
          <Card className="space-y-2">
            <h2 className="text-sm font-semibold">Account</h2>
            <AccountActionForm data={data} busy={request.isPending} onSubmit={submit} />
            <AccountDelete data={data} busy={request.isPending} onSubmit={submit} />
          </Card>
          {data.capabilities.actions.includes('media.purge') ? (
            <Card className="space-y-2">
              <h2 className="text-sm font-semibold">Cached media</h2>
              <MediaPurge data={data} busy={request.isPending} onSubmit={submit} />
            </Card>
          ) : null}
          {data.target.domain && data.capabilities.actions.includes('domain.block') ? (
            <Card className="space-y-2">
              <h2 className="text-sm font-semibold">Domain</h2>
              <DomainBlockForm data={data} busy={request.isPending} onSubmit={submit} />
            </Card>
          ) : null}
        </>
      ) : (
        <Alert>You have view-only access to this report.</Alert>
      )}
      {missing.length > 0 ? (
        // Folded: what this server cannot do is worth knowing once, not worth a screenful on every report.
        <details className="rounded-lg border border-line bg-surface p-3 text-sm" data-testid="unsupported-actions">
          <summary className="cursor-pointer font-semibold">
            Not available on {data.instance.kind} ({missing.length})
          </summary>
          <div className="mt-2 space-y-1">
            {missing.map(([k, note]) => (
              <p key={k} className="text-xs text-muted" data-testid={`unsupported-${k}`}>
                <strong>{kindLabel(k)}:</strong> {note}
              </p>
            ))}
          </div>
        </details>
      ) : null}
      <Card className="space-y-2">
        <h2 className="text-sm font-semibold">History</h2>
        <ActionHistory
          actions={data.actions}
          canAct={allowed}
          onRetry={(id) => retry.mutate(id)}
          retrying={retry.isPending}
          statusDeleteReversible={data.capabilities.statusDeleteReversible}
        />
      </Card>
    </div>
  );
}
