'use client';

import { useQuery } from '@tanstack/react-query';
import { requestJson } from '@/components/api/request';
import { ApplicationsTable } from '@/components/blocklists/applications-table';
import type { ApplicationView } from '@/lib/blocklists/types';

export function HistoryClient({ initial, canUndo }: { initial: ApplicationView[]; canUndo: boolean }) {
  const { data, error } = useQuery({
    queryKey: ['blocklists', 'applications'],
    queryFn: async () => (await requestJson<{ applications: ApplicationView[] }>('/api/blocklists/applications')).applications,
    initialData: initial,
    refetchInterval: (q) => (q.state.data?.some((a) => a.state === 'queued') ? 3_000 : false),
  });
  return (
    <div className="space-y-2">
      {error ? <p role="alert" className="text-sm text-danger">{error.message}</p> : null}
      <ApplicationsTable applications={data} canUndo={canUndo} />
    </div>
  );
}
