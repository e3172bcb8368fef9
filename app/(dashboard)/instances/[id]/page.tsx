import { requirePageActor } from '@/lib/auth/current-actor';
import { canActOn, canAllowPrivate, canManageInstances } from '@/lib/auth/policy';
import { getInstance } from '@/lib/instances/get-instance';
import { notFound } from 'next/navigation';
import { isAppError } from '@/lib/errors';
import { toJsonSafe } from '@/lib/http/route';
import { InstanceDetail } from './page-client';

export default async function InstancePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor('viewer');
  const { id } = await params;
  // A malformed id and an instance this user cannot see are both "not found" here (pages have no 400).
  const found = await getInstance({ ctx: { actor }, input: { id } }).catch((e: unknown) => {
    if (isAppError(e) && (e.code === 'bad_request' || e.code === 'not_found')) notFound();
    throw e;
  });
  const instance = toJsonSafe(found);
  return <InstanceDetail initial={instance} isAdmin={canManageInstances(actor)} canAllowPrivate={canAllowPrivate(actor)} canSync={canActOn(actor, id)} />;
}
