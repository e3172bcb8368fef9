'use client';

import { ScrollCard } from '@/components/ui/scroll-card';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import type { InstanceSummary } from '@/lib/instances/list-instances';
import { Card } from '@/components/ui/card';
import { InstanceStatusBadge } from '@/components/instances/instance-status-badge';
import { RelativeTime } from '@/components/instances/relative-time';

type Row = Omit<InstanceSummary, 'lastSyncAt' | 'lastErrorAt'> & { lastSyncAt: string | null; lastErrorAt: string | null };

export function InstancesClient({ initial }: { initial: unknown }) {
  const { data } = useQuery({
    queryKey: ['instances'],
    queryFn: async () => ((await (await fetch('/api/instances')).json()) as { instances: Row[] }).instances,
    initialData: initial as Row[],
    refetchInterval: 10_000,
  });
  if (data.length === 0) {
    return <Card><p className="text-sm">No instance is connected yet. An admin can connect one with its base URL and an admin access token.</p></Card>;
  }
  return (
    <ScrollCard label="Connected instances">
      <table className="w-full text-sm">
        <thead className="border-b border-line text-left text-xs uppercase tracking-wide text-muted">
          <tr><th className="px-3 py-2">Instance</th><th className="px-3 py-2">Software</th><th className="px-3 py-2">Status</th><th className="px-3 py-2">Open reports</th><th className="px-3 py-2">Last sync</th><th className="px-3 py-2">Last error</th></tr>
        </thead>
        <tbody>
          {data.map((i) => (
            <tr key={i.id} className="border-b border-line last:border-0" data-testid="instance-row">
              <td className="px-3 py-2"><Link className="font-medium text-accent hover:underline" href={`/instances/${i.id}`}>{i.name}</Link><div className="text-xs text-muted">{i.baseUrl}</div></td>
              <td className="px-3 py-2">{i.kind}</td>
              <td className="px-3 py-2"><InstanceStatusBadge status={i.status} /></td>
              <td className="px-3 py-2 tabular-nums">{i.openReports}</td>
              <td className="px-3 py-2"><RelativeTime iso={i.lastSyncAt} empty="never" /></td>
              <td className="max-w-xs truncate px-3 py-2 text-danger" title={i.lastError ?? ''}>{i.lastError ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollCard>
  );
}
