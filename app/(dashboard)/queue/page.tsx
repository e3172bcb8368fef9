import Link from 'next/link';
import { requirePageActor } from '@/lib/auth/current-actor';
import { canManageInstances, hasRole } from '@/lib/auth/policy';
import { listQueue } from '@/lib/queue/list-queue';
import { queueInputSchema, searchParamsToRecord } from '@/lib/queue/queue-input';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { toQueryString, type QueueFilterValues } from '@/components/queue/filter-values';
import { QueueClient } from './page-client';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function QueuePage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor('viewer', '/queue');
  // A bad link falls back to the default view with a notice rather than an error page.
  const parsed = queueInputSchema.omit({ cursor: true }).safeParse(searchParamsToRecord(await searchParams));
  const q = parsed.success ? parsed.data : queueInputSchema.omit({ cursor: true }).parse({});
  const filters: QueueFilterValues = { status: q.status, sort: q.sort, instanceId: q.instanceId, category: q.category, assignee: q.assignee, hasMedia: q.hasMedia, hasMatch: q.hasMatch };
  const initial = await listQueue({ ctx: { actor }, input: filters });
  const header = <PageHeader title="Queue" description="Open reports from every instance you moderate." />;

  if (initial.counts.length === 0) {
    return (
      <>
        {header}
        <Card className="space-y-2 text-sm">
          {actor.instanceIds ? (
            <p>You are not assigned to any instance yet. Ask an admin to give you access to the instances you moderate.</p>
          ) : (
            <p>No instance is connected yet, so there are no reports to show.</p>
          )}
          {actor.instanceIds ? null : canManageInstances(actor) ? (
            <p><Link href="/instances/new" className="font-medium text-accent underline">Connect an instance</Link> with its base URL and an admin access token.</p>
          ) : (
            <p>Ask an admin to connect one.</p>
          )}
        </Card>
      </>
    );
  }
  return (
    <>
      {header}
      {!parsed.success ? <div className="mb-3"><Alert tone="error">Some filters in the link were not valid and were reset.</Alert></div> : null}
      {/* Keyed by the filters: a new filter set starts a fresh list instead of merging into the old one. */}
      <QueueClient key={toQueryString(filters)} initial={initial} filters={filters} canAct={hasRole(actor, 'moderator')} />
    </>
  );
}
