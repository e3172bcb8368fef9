'use client';

import { useRouter } from 'next/navigation';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { Capabilities, VerifyCheck } from '@/lib/connectors/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { CapabilityList } from '@/components/instances/capability-list';
import { InstanceSettings } from '@/components/instances/instance-settings';
import { InstanceStatusBadge } from '@/components/instances/instance-status-badge';
import { RelativeTime } from '@/components/instances/relative-time';
import { VerifyChecks } from '@/components/instances/verify-checks';
import { WebhookSetup } from '@/components/instances/webhook-setup';

interface Detail {
  id: string; name: string; kind: string; baseUrl: string; status: string; allowPrivate: boolean; syncEnabled: boolean;
  software: { title?: string; version?: string | null; detected?: { name: string | null; version: string | null; source: string }; apiVersion?: string | null } | null; checks: { checks: VerifyCheck[] } | null;
  lastSyncAt: string | null; lastError: string | null; lastErrorAt: string | null;
  counts: { open: number; resolved: number; media: Record<string, number> };
  capabilities: Capabilities; webhookUrl: string;
  syncIssues: { id: string; remoteId: string | null; error: string; createdAt: string }[];
}

export function InstanceDetail({ initial, isAdmin, canAllowPrivate = false, canSync }: { initial: unknown; isAdmin: boolean; canAllowPrivate?: boolean; canSync: boolean }) {
  const router = useRouter();
  const start = initial as Detail;
  const { data, refetch } = useQuery({
    queryKey: ['instance', start.id],
    queryFn: async () => (await (await fetch(`/api/instances/${start.id}`)).json()) as Detail,
    initialData: start,
    refetchInterval: 5_000,
  });
  const sync = useMutation({
    mutationFn: async () => {
      const res = await fetch(`/api/instances/${data.id}/sync`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      if (!res.ok) throw new Error((await res.json()).error?.message ?? 'Could not start a sync.');
    },
    onSuccess: () => setTimeout(() => void refetch(), 1500),
  });
  return (
    <>
      <PageHeader
        title={data.name}
        description={
          <>
            {data.baseUrl} · {data.kind}{data.software?.version ? ` ${data.software.version}` : ''}
            {data.software?.detected && data.software.detected.source !== 'none'
              ? ` · detected as ${data.software.detected.name ?? 'unknown'} ${data.software.detected.version ?? ''} from ${data.software.detected.source === 'nodeinfo' ? 'NodeInfo' : '/api/v1/instance'}`
              : ''}
            {data.software?.apiVersion ? ` · API ${data.software.apiVersion}` : ''}
          </>
        }
        actions={canSync ? <Button onClick={() => sync.mutate()} disabled={sync.isPending}>Sync now</Button> : null}
      />
      {sync.isError ? <Alert tone="error">{sync.error.message}</Alert> : null}
      {sync.isSuccess ? <Alert tone="ok">Sync queued.</Alert> : null}
      <div className="mt-3 grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <Card className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
            <div><div className="text-xs text-muted">Status</div><InstanceStatusBadge status={data.status} /></div>
            <div><div className="text-xs text-muted">Last sync</div><span data-testid="last-sync"><RelativeTime iso={data.lastSyncAt} empty="not yet" /></span></div>
            <div><div className="text-xs text-muted">Open reports</div><span className="tabular-nums" data-testid="open-count">{data.counts.open}</span></div>
            <div><div className="text-xs text-muted">Media fetched</div><span className="tabular-nums">{data.counts.media.done ?? 0}{data.counts.media.failed ? ` (${data.counts.media.failed} failed)` : ''}</span></div>
          </Card>
          {data.lastError ? <Alert tone="error">Last error (<RelativeTime iso={data.lastErrorAt} />): {data.lastError}</Alert> : null}
          {data.checks?.checks ? <Card className="space-y-2"><h2 className="text-sm font-semibold">Token checks</h2><VerifyChecks checks={data.checks.checks} /></Card> : null}
          {data.capabilities.webhooks ? (
            <Card className="space-y-2"><h2 className="text-sm font-semibold">Webhook</h2><WebhookSetup instanceId={data.id} url={data.webhookUrl} isAdmin={isAdmin} kind={data.kind} /></Card>
          ) : (
            <Card><p className="text-sm text-muted">{data.kind} has no report webhooks: reports arrive by polling every few minutes.</p></Card>
          )}
          {data.syncIssues.length > 0 ? (
            <Card className="space-y-2">
              <h2 className="text-sm font-semibold">Skipped items</h2>
              <p className="text-xs text-muted">Items the server sent that could not be read. They were logged and skipped; everything else synced.</p>
              <ul className="space-y-1 text-xs" data-testid="sync-issues">
                {data.syncIssues.map((s) => <li key={s.id}><RelativeTime iso={s.createdAt} /> · {s.remoteId ? `report ${s.remoteId}: ` : ''}{s.error}</li>)}
              </ul>
            </Card>
          ) : null}
        </div>
        <div className="space-y-4">
          <Card className="space-y-2"><h2 className="text-sm font-semibold">What the dashboard can do here</h2><CapabilityList caps={data.capabilities} /></Card>
          {isAdmin ? <InstanceSettings instance={data} canAllowPrivate={canAllowPrivate} onChanged={() => void refetch()} onRemoved={() => router.push('/instances')} /> : null}
        </div>
      </div>
    </>
  );
}
