import { RoleTooLow } from '@/components/auth/role-too-low';
import { checkPageAccess } from '@/lib/auth/page-access';
import { canAllowPrivate } from '@/lib/auth/policy';
import { listInstances } from '@/lib/instances/list-instances';
import { toJsonSafe } from '@/lib/http/route';
import { PageHeader } from '@/components/ui/page-header';
import { listMatchers } from '@/lib/matchers/list-matchers';
import { MatchersClient } from './page-client';

export default async function MatchersPage() {
  const access = await checkPageAccess('admin', '/safety/matchers');
  if (!access.ok) return <RoleTooLow need={access.need} have={access.actor.role} what="Outside matchers are set up by admins: they decide which services see your media's hashes." />;
  const ctx = { actor: access.actor };
  const [matchers, instances] = await Promise.all([listMatchers({ ctx }), listInstances({ ctx })]);
  return (
    <>
      <PageHeader title="Matchers" description="Outside hash-matching services, asked about media from the instances that opt in." />
      <MatchersClient
        initial={toJsonSafe(matchers)}
        instances={instances.map((i) => ({ id: i.id, name: i.name, kind: i.kind }))}
        canAllowPrivate={canAllowPrivate(access.actor)}
      />
    </>
  );
}
