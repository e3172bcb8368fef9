import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageActor } from '@/lib/auth/current-actor';
import { listUsers } from '@/lib/users/list-users';
import { UsersClient } from './page-client';

export const metadata: Metadata = { title: 'Team · Fedimod' };

export default async function UsersPage() {
  const actor = await requirePageActor('admin', '/users');
  const overview = await listUsers({ ctx: { actor } });
  return (
    <>
      <PageHeader title="Team" description="Who can sign in, what they may do, and which instances they see." />
      <UsersClient overview={overview} me={{ id: actor.id, role: actor.role }} />
    </>
  );
}
