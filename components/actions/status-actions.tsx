'use client';

import { Button } from '@/components/ui/button';
import { useReportActions } from './use-report-actions';

/**
 * Post-level actions next to each reported status, only where the server's API has them (Mastodon's has none:
 * the action panel says so). Shares the action panel's query, so it costs no extra request.
 */
export function StatusActions({ reportId, statusId }: { reportId: string; statusId: string }) {
  const { query, request } = useReportActions(reportId);
  const data = query.data;
  if (!data?.canAct) return null;
  const has = (k: string) => data.capabilities.actions.includes(k as never);
  if (!has('status.delete') && !has('status.sensitive')) return null;
  return (
    <div className="flex flex-wrap gap-1.5" aria-label="Post actions" role="group">
      {has('status.sensitive') ? (
        <Button disabled={request.isPending} title={data.capabilities.notes['status.sensitive']} onClick={() => request.mutate({ kind: 'status.sensitive', statusId, sensitive: true })}>
          Mark post sensitive
        </Button>
      ) : null}
      {has('status.delete') ? (
        <Button
          variant="danger"
          disabled={request.isPending}
          title={data.capabilities.notes['status.delete']}
          onClick={() => {
            if (window.confirm(`Delete this post on ${data.instance.name}? This cannot be undone.`)) request.mutate({ kind: 'status.delete', statusId });
          }}
        >
          Delete post
        </Button>
      ) : null}
    </div>
  );
}
