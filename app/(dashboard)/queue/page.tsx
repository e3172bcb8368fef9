import Link from 'next/link';
import { z } from 'zod';
import { getUserPreferences, requirePageActor } from '@/lib/auth/current-actor';
import { canManageInstances, hasRole } from '@/lib/auth/policy';
import { listQueue } from '@/lib/queue/list-queue';
import { queueInputSchema, searchParamsToRecord } from '@/lib/queue/queue-input';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { toQueryString, type QueueFilterValues } from '@/components/queue/filter-values';
import { QueueClient } from './page-client';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const selectParam = z.uuid();

export default async function QueuePage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor('viewer', '/queue');
  // A bad link falls back to the default view with a notice rather than an error page.
  const params = await searchParams;
  const parsed = queueInputSchema.omit({ cursor: true }).safeParse(searchParamsToRecord(params));
  const q = parsed.success ? parsed.data : queueInputSchema.omit({ cursor: true }).parse({});
  const filters: QueueFilterValues = {
    status: q.status, sort: q.sort, instanceId: q.instanceId, category: q.category, assignee: q.assignee, hasMedia: q.hasMedia, hasMatch: q.hasMatch,
    tag: q.tag, escalated: q.escalated,
  };
  // "Back to queue" from a report selects its row again; not a filter, so not part of the list's key.
  const select = selectParam.safeParse(Array.isArray(params.select) ? params.select[0] : params.select);
  const [initial, prefs] = await Promise.all([listQueue({ ctx: { actor }, input: filters }), getUserPreferences(actor.id)]);
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
      <QueueClient
        key={toQueryString(filters)}
        initial={initial}
        filters={filters}
        canAct={hasRole(actor, 'moderator')}
        gray={prefs.grayscaleMedia}
        severeThumbsAt={prefs.severeAsHashes ? prefs.severeAt : null}
        initialSelect={select.success ? select.data : undefined}
      />
    </>
  );
}
