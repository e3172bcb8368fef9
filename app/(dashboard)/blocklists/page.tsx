import { requirePageActor } from '@/lib/auth/current-actor';
import { canAllowPrivate, hasRole } from '@/lib/auth/policy';
import { getPolicy } from '@/lib/blocklists/policy/get-policy';
import { listAllow } from '@/lib/blocklists/policy/list-allow';
import { getPublish } from '@/lib/blocklists/publish/get-publish';
import { listSources } from '@/lib/blocklists/sources/list-sources';
import { toJsonSafe } from '@/lib/http/route';
import { BlocklistsTabs } from '@/components/blocklists/blocklists-tabs';
import { PageHeader } from '@/components/ui/page-header';
import { BlocklistsClient } from './page-client';

export default async function BlocklistsPage() {
  const actor = await requirePageActor('viewer', '/blocklists');
  const ctx = { actor };
  const [sources, policy, allow, publish] = await Promise.all([listSources({ ctx }), getPolicy(), listAllow({ ctx }), getPublish({ ctx })]);
  return (
    <>
      <PageHeader title="Blocklists" description="Shared domain blocklists: subscribe, merge by your policy, review the diff per instance, then apply." />
      <BlocklistsTabs current="/blocklists" />
      <BlocklistsClient
        initial={toJsonSafe({ sources, policy, allow, publish })}
        can={{ editSources: hasRole(actor, 'moderator'), editPolicy: hasRole(actor, 'admin'), allowPrivate: canAllowPrivate(actor) }}
      />
    </>
  );
}
