'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { requestJson } from '@/components/api/request';
import { PreviewPanel } from '@/components/blocklists/preview-panel';
import type { PreviewView } from '@/lib/blocklists/types';

export function PreviewClient({ initial, canSync }: { initial: PreviewView; canSync: boolean }) {
  // After an apply the worker sends the changes and updates the mirror: refresh for a minute so lines leave as done.
  const [pollUntil, setPollUntil] = useState(0);
  const { data, error, isFetching } = useQuery({
    queryKey: ['blocklists', 'preview'],
    queryFn: async () => (await requestJson<{ preview: PreviewView }>('/api/blocklists/preview')).preview,
    initialData: initial,
    // Not on focus: the moderator may be mid-review, and a refetch would shift the lines under the cursor.
    refetchOnWindowFocus: false,
    refetchInterval: () => (Date.now() < pollUntil ? 3_000 : false),
  });
  return (
    <div className="space-y-2">
      <p className="sr-only" aria-live="polite">{isFetching ? 'Updating the preview…' : ''}</p>
      {error ? <p role="alert" className="text-sm text-danger">{error.message}</p> : null}
      <PreviewPanel preview={data} canSync={canSync} onApplied={() => setPollUntil(Date.now() + 60_000)} />
    </div>
  );
}
