'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { requestJson } from '@/components/api/request';
import { ApplicationChanges } from '@/components/blocklists/application-changes';
import { summaryText } from '@/components/blocklists/applications-table';
import { STATE_LABEL, STATE_TONE, when } from '@/components/blocklists/labels';
import { Badge } from '@/components/ui/badge';
import type { ApplicationDetailView } from '@/lib/blocklists/types';

export function ApplicationClient({ initial }: { initial: ApplicationDetailView }) {
  const { data, error } = useQuery({
    queryKey: ['blocklists', 'application', initial.id],
    queryFn: async () => (await requestJson<{ application: ApplicationDetailView }>(`/api/blocklists/applications/${initial.id}`)).application,
    initialData: initial,
    refetchInterval: (q) => (q.state.data?.state === 'queued' ? 3_000 : false),
  });
  return (
    <div className="space-y-3">
      {error ? <p role="alert" className="text-sm text-danger">{error.message}</p> : null}
      <div className="flex flex-wrap items-center gap-2 text-sm" aria-live="polite">
        <Badge tone={STATE_TONE[data.state]}>{STATE_LABEL[data.state]}</Badge>
        <span>{data.kind === 'undo' ? 'Undo' : data.kind === 'auto_retract' ? 'Automatic retraction' : 'Apply'} by {data.requestedBy ?? 'system'}, {when(data.createdAt)}: {summaryText(data.summary)}</span>
        {data.undoOfId ? <Link href={`/blocklists/history/${data.undoOfId}`} className="text-accent hover:underline">the application it undid</Link> : null}
        {data.undoneAt ? <span className="text-muted">Undone {when(data.undoneAt)}</span> : null}
      </div>
      <ApplicationChanges changes={data.changes} />
    </div>
  );
}
