import { requirePageActor } from '@/lib/auth/current-actor';
import { hasRole } from '@/lib/auth/policy';
import { getPreview } from '@/lib/blocklists/get-preview';
import { toJsonSafe } from '@/lib/http/route';
import { BlocklistsTabs } from '@/components/blocklists/blocklists-tabs';
import { PageHeader } from '@/components/ui/page-header';
import { PreviewClient } from './page-client';

export default async function PreviewPage() {
  const actor = await requirePageActor('viewer', '/blocklists/preview');
  const preview = await getPreview({ ctx: { actor }, input: {} });
  return (
    <>
      <PageHeader title="Blocklists" description="What applying the merged list would change on each instance. Nothing is sent until you apply." />
      <BlocklistsTabs current="/blocklists/preview" />
      <PreviewClient initial={toJsonSafe(preview)} canSync={hasRole(actor, 'moderator')} />
    </>
  );
}
