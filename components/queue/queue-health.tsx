'use client';
/**
 * The queue's sidebar: open reports per instance (selectable, with the oldest wait) and reports per day over 30
 * days. The open counts come from the queue's own live data so they never disagree with the list; the oldest ages
 * and the chart come from /api/queue/health, refreshed every minute.
 */
import { useQuery } from '@tanstack/react-query';
import { requestJson } from '@/components/api/request';
import type { QueueHealth as Health } from '@/lib/queue/queue-health';
import type { InstanceCount } from '@/lib/queue/types';
import { InstanceCounts } from './instance-counts';
import { ReportsPerDay } from './reports-per-day';

export function QueueHealth({ counts, selected, onSelect }: { counts: InstanceCount[]; selected?: string; onSelect: (instanceId: string | undefined) => void }) {
  const health = useQuery({
    queryKey: ['queue-health'],
    queryFn: () => requestJson<Health>('/api/queue/health'),
    refetchInterval: 60_000,
  });
  const oldest = new Map((health.data?.perInstance ?? []).map((i) => [i.instanceId, i.oldestOpenAt]));
  return (
    <div className="space-y-4" data-testid="queue-health">
      <InstanceCounts counts={counts} selected={selected} onSelect={onSelect} oldest={oldest} />
      {health.data ? <ReportsPerDay days={health.data.perDay} /> : null}
      {health.isError ? <p className="text-xs text-muted" role="status">Queue health is unavailable: {health.error.message}</p> : null}
    </div>
  );
}
