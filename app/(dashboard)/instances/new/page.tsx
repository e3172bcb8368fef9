import { requirePageActor } from '@/lib/auth/current-actor';
import { canAllowPrivate } from '@/lib/auth/policy';
import { PageHeader } from '@/components/ui/page-header';
import { ConnectInstanceForm } from './page-client';

export default async function NewInstancePage() {
  const actor = await requirePageActor('admin');
  return (
    <>
      <PageHeader title="Connect an instance" description="The token is checked against the server before anything is saved, and stored encrypted." />
      <ConnectInstanceForm canAllowPrivate={canAllowPrivate(actor)} />
    </>
  );
}
