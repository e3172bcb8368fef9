import { RoleTooLow } from '@/components/auth/role-too-low';
import { checkPageAccess } from '@/lib/auth/page-access';
import { canAllowPrivate } from '@/lib/auth/policy';
import { PageHeader } from '@/components/ui/page-header';
import { ConnectInstanceForm } from './page-client';

export default async function NewInstancePage() {
  const access = await checkPageAccess('admin', '/instances/new');
  if (!access.ok) return <RoleTooLow need={access.need} have={access.actor.role} what="Connecting an instance hands the dashboard a server's admin token." />;
  const { actor } = access;
  return (
    <>
      <PageHeader title="Connect an instance" description="The token is checked against the server before anything is saved, and stored encrypted." />
      <ConnectInstanceForm canAllowPrivate={canAllowPrivate(actor)} />
    </>
  );
}
