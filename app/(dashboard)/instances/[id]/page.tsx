import { requirePageActor } from '@/lib/auth/current-actor';
import { canActOn, canManageInstances } from '@/lib/auth/policy';
import { getInstance } from '@/lib/instances/get-instance';
import { toJsonSafe } from '@/lib/http/route';
import { InstanceDetail } from './page-client';

export default async function InstancePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor('viewer');
  const { id } = await params;
  const instance = toJsonSafe(await getInstance({ ctx: { actor }, input: { id } }));
  return <InstanceDetail initial={instance} isAdmin={canManageInstances(actor)} canSync={canActOn(actor, id)} />;
}
