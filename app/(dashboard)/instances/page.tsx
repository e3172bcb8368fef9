import Link from 'next/link';
import { requirePageActor } from '@/lib/auth/current-actor';
import { canManageInstances } from '@/lib/auth/policy';
import { listInstances } from '@/lib/instances/list-instances';
import { PageHeader } from '@/components/ui/page-header';
import { toJsonSafe } from '@/lib/http/route';
import { InstancesClient } from './page-client';
import { capabilityMatrix } from '@/lib/connectors/capability-matrix';
import { CapabilityMatrixTable } from '@/components/instances/capability-matrix';

export default async function InstancesPage() {
  const actor = await requirePageActor('viewer');
  const instances = toJsonSafe(await listInstances({ ctx: { actor } }));
  const admin = canManageInstances(actor);
  return (
    <>
      <PageHeader
        title="Instances"
        description="The servers this team moderates. Reports sync every few minutes, and at once when a webhook arrives."
        actions={admin ? <Link href="/instances/new" className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-on-accent hover:bg-accent-strong">Connect an instance</Link> : null}
      />
      <InstancesClient initial={instances} />
      <div className="mt-6">
        <CapabilityMatrixTable matrix={capabilityMatrix()} />
      </div>
    </>
  );
}
