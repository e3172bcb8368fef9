import type { Metadata } from 'next';
import { requirePageActor } from '@/lib/auth/current-actor';
import { hasRole } from '@/lib/auth/policy';
import { getInbox } from '@/lib/notes/get-inbox';
import { PageHeader } from '@/components/ui/page-header';
import { InboxClient } from './page-client';

export const metadata: Metadata = { title: 'Inbox · Fedimod' };

export default async function InboxPage() {
  const actor = await requirePageActor('viewer', '/inbox');
  const initial = await getInbox({ ctx: { actor } });
  const isAdmin = hasRole(actor, 'admin');
  return (
    <>
      <PageHeader title="Inbox" description={isAdmin ? 'Notes where a colleague mentioned you, and escalations waiting for an admin.' : 'Notes where a colleague mentioned you.'} />
      <InboxClient initial={initial} isAdmin={isAdmin} />
    </>
  );
}
