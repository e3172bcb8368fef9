import { requirePageActor } from '@/lib/auth/current-actor';
import { hasRole } from '@/lib/auth/policy';
import { listBanks } from '@/lib/banks/list-banks';
import { toJsonSafe } from '@/lib/http/route';
import { PageHeader } from '@/components/ui/page-header';
import { BanksClient } from './page-client';

export default async function BanksPage() {
  const actor = await requirePageActor('viewer', '/banks');
  const banks = toJsonSafe(await listBanks({ ctx: { actor } }));
  return (
    <>
      <PageHeader
        title="Hash banks"
        description="Lists of known hashes. Media that matches a match bank is flagged in the queue; an allow bank suppresses false matches."
      />
      <BanksClient initial={banks} isAdmin={hasRole(actor, 'admin')} />
    </>
  );
}
