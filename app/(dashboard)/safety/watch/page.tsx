import { requirePageActor } from '@/lib/auth/current-actor';
import { hasRole } from '@/lib/auth/policy';
import { listInstances } from '@/lib/instances/list-instances';
import { toJsonSafe } from '@/lib/http/route';
import { PageHeader } from '@/components/ui/page-header';
import { listWatchTerms } from '@/lib/watch/list-terms';
import { WatchClient } from './page-client';

export default async function WatchPage() {
  const actor = await requirePageActor('viewer', '/safety/watch');
  const ctx = { actor };
  const [data, instances] = await Promise.all([listWatchTerms({ ctx }), listInstances({ ctx })]);
  return (
    <>
      <PageHeader title="Watch lists" description="Hashtags, keywords and link domains watched across the connected instances; hits land in the queue." />
      <WatchClient
        initial={toJsonSafe(data)}
        instances={instances.map((i) => ({ id: i.id, name: i.name, kind: i.kind }))}
        can={{ edit: hasRole(actor, 'admin'), scan: hasRole(actor, 'moderator') }}
      />
    </>
  );
}
