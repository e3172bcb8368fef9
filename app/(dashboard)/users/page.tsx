import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { RoleTooLow } from '@/components/auth/role-too-low';
import { checkPageAccess } from '@/lib/auth/page-access';
import { listUsers } from '@/lib/users/list-users';
import { UsersClient } from './page-client';

export const metadata: Metadata = { title: 'Team · Fedimod' };

export default async function UsersPage() {
  const access = await checkPageAccess('admin', '/users');
  if (!access.ok) return <RoleTooLow need={access.need} have={access.actor.role} what="The team page is where people are invited and roles are changed." />;
  const { actor } = access;
  const overview = await listUsers({ ctx: { actor } });
  return (
    <>
      <PageHeader title="Team" description="Who can sign in, what they may do, and which instances they see." />
      <UsersClient overview={overview} me={{ id: actor.id, role: actor.role }} />
    </>
  );
}
