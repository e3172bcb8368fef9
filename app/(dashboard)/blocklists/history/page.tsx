import { requirePageActor } from '@/lib/auth/current-actor';
import { listApplications } from '@/lib/blocklists/list-applications';
import { canApplyBlocklists } from '@/lib/blocklists/federation-access';
import { toJsonSafe } from '@/lib/http/route';
import { BlocklistsTabs } from '@/components/blocklists/blocklists-tabs';
import { PageHeader } from '@/components/ui/page-header';
import { HistoryClient } from './page-client';

export default async function HistoryPage() {
  const actor = await requirePageActor('viewer', '/blocklists/history');
  const [applications, canApply] = await Promise.all([listApplications({ ctx: { actor } }), canApplyBlocklists(actor)]);
  return (
    <>
      <PageHeader title="Blocklists" description="Every application of the blocklists to the servers, newest first. The latest finished one can be undone." />
      <BlocklistsTabs current="/blocklists/history" />
      <HistoryClient initial={toJsonSafe(applications)} canUndo={canApply} />
    </>
  );
}
