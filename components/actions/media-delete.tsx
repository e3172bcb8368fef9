'use client';

import { Button } from '@/components/ui/button';
import { permanenceOf } from './permanence';
import { PermanenceMark } from './permanence-mark';
import { useReportActions } from './use-report-actions';

/**
 * Deletes one stored file on the server (where the API can), next to the file itself. Our encrypted evidence
 * copy is kept, so deleting on the server never destroys what a report to the authorities needs.
 */
export function MediaDelete({ reportId, mediaId, deletedAt }: { reportId: string; mediaId: string; deletedAt: string | null }) {
  const { query, request } = useReportActions(reportId);
  const data = query.data;
  if (!data?.canAct || !data.capabilities.actions.includes('media.delete')) return null;
  if (deletedAt) return <p className="text-xs text-muted">Deleted on {data.instance.name}; the evidence copy here is kept.</p>;
  const note = data.capabilities.notes['media.delete'];
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        variant="danger"
        disabled={request.isPending}
        title={note}
        onClick={() => {
          if (window.confirm(`${note ?? 'Delete this file on the server?'}\n\nThis cannot be undone. Delete it on ${data.instance.name}?`)) request.mutate({ kind: 'media.delete', mediaId });
        }}
      >
        Delete file on server
      </Button>
      <PermanenceMark p={permanenceOf({ kind: 'media.delete' }, data.capabilities)} />
    </span>
  );
}
