'use client';

import { useQuery } from '@tanstack/react-query';
import { requestJson } from '@/components/api/request';
import { AddSourceForm } from '@/components/blocklists/add-source-form';
import { AllowCard } from '@/components/blocklists/allow-card';
import { PolicyCard } from '@/components/blocklists/policy-card';
import { PublishCard } from '@/components/blocklists/publish-card';
import { SourcesTable } from '@/components/blocklists/sources-table';
import type { AllowView, MergePolicy, PublishView, SourceView } from '@/lib/blocklists/types';

interface Initial { sources: SourceView[]; policy: MergePolicy; allow: AllowView[]; publish: PublishView }

export function BlocklistsClient({ initial, can }: { initial: Initial; can: { editSources: boolean; editPolicy: boolean; allowPrivate: boolean } }) {
  const sources = useQuery({
    queryKey: ['blocklists', 'sources'],
    queryFn: async () => (await requestJson<{ sources: SourceView[] }>('/api/blocklists/sources')).sources,
    initialData: initial.sources,
    // A new URL source is fetched by the worker: poll until every source has been read once.
    refetchInterval: (q) => (q.state.data?.some((s) => s.url && !s.lastFetchedAt) ? 3_000 : false),
  });
  const policy = useQuery({ queryKey: ['blocklists', 'policy'], queryFn: async () => (await requestJson<{ policy: MergePolicy }>('/api/blocklists/policy')).policy, initialData: initial.policy });
  const allow = useQuery({ queryKey: ['blocklists', 'allow'], queryFn: async () => (await requestJson<{ allow: AllowView[] }>('/api/blocklists/allow')).allow, initialData: initial.allow });
  const publish = useQuery({ queryKey: ['blocklists', 'publish'], queryFn: async () => (await requestJson<{ publish: PublishView }>('/api/blocklists/publish')).publish, initialData: initial.publish });

  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <section aria-labelledby="bl-sources" className="min-w-0 space-y-3 lg:col-span-2">
        <h2 id="bl-sources" className="text-sm font-semibold">Sources ({sources.data.length})</h2>
        {sources.error ? <p role="alert" className="text-sm text-danger">{sources.error.message}</p> : null}
        <SourcesTable sources={sources.data} />
        {can.editSources ? <AddSourceForm canAllowPrivate={can.allowPrivate} /> : null}
      </section>
      <div className="min-w-0 space-y-4">
        {/* key: a saved policy re-renders the form with the stored values */}
        <PolicyCard key={JSON.stringify(policy.data)} policy={policy.data} canEdit={can.editPolicy} />
        <AllowCard allow={allow.data} canEdit={can.editSources} />
        <PublishCard publish={publish.data} canEdit={can.editPolicy} />
      </div>
    </div>
  );
}
