import { requirePageActor } from '@/lib/auth/current-actor';
import { hasRole } from '@/lib/auth/policy';
import { listHolds } from '@/lib/holding/list-holds';
import { listRules } from '@/lib/holding/list-rules';
import { listInstances } from '@/lib/instances/list-instances';
import { toJsonSafe } from '@/lib/http/route';
import { PageHeader } from '@/components/ui/page-header';
import { SafetyClient } from './page-client';

export default async function SafetyPage() {
  const actor = await requirePageActor('viewer', '/safety');
  const ctx = { actor };
  const [rules, pending, dryRun, instances] = await Promise.all([
    listRules({ ctx }),
    listHolds({ ctx, input: { view: 'pending' } }),
    listHolds({ ctx, input: { view: 'dry_run', limit: 50 } }),
    listInstances({ ctx }),
  ]);
  return (
    <>
      <PageHeader title="Rules & holds" description="Rules hide content pending review when trusted signals cross a threshold; a person confirms or undoes each hold." />
      <SafetyClient
        initial={toJsonSafe({ rules, pending, dryRun })}
        instances={instances.map((i) => ({ id: i.id, name: i.name, kind: i.kind }))}
        can={{ edit: hasRole(actor, 'admin'), decide: hasRole(actor, 'moderator') }}
      />
    </>
  );
}
