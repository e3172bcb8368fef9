'use client';

import { useQuery } from '@tanstack/react-query';
import { requestJson } from '@/components/api/request';
import { FetchHistory } from '@/components/blocklists/fetch-history';
import { SourceEntries } from '@/components/blocklists/source-entries';
import { SourceSettings } from '@/components/blocklists/source-settings';
import type { SourceDetailView } from '@/lib/blocklists/types';

export function SourceClient({ initial, canEdit }: { initial: SourceDetailView; canEdit: boolean }) {
  const { data, error } = useQuery({
    queryKey: ['blocklists', 'source', initial.id],
    queryFn: async () => (await requestJson<{ source: SourceDetailView }>(`/api/blocklists/sources/${initial.id}`)).source,
    initialData: initial,
    // A URL source not read yet is being fetched by the worker: show its first result when it lands.
    refetchInterval: (q) => (q.state.data?.url && !q.state.data.lastFetchedAt ? 3_000 : false),
  });
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div className="min-w-0 space-y-4">
        {error ? <p role="alert" className="text-sm text-danger">{error.message}</p> : null}
        <SourceSettings key={data.lastFetchedAt ?? 'new'} source={data} canEdit={canEdit} />
        <FetchHistory fetches={data.fetches} />
      </div>
      <div className="min-w-0"><SourceEntries entries={data.entries} total={data.entryCount} /></div>
    </div>
  );
}
