import { z } from 'zod';
import { notFound } from 'next/navigation';
import { requirePageActor } from '@/lib/auth/current-actor';
import { getApplication } from '@/lib/blocklists/get-application';
import { isAppError } from '@/lib/errors';
import { toJsonSafe } from '@/lib/http/route';
import { BlocklistsTabs } from '@/components/blocklists/blocklists-tabs';
import { PageHeader } from '@/components/ui/page-header';
import { ApplicationClient } from './page-client';

export default async function ApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor('viewer', `/blocklists/history/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const application = await getApplication({ ctx: { actor }, input: { id } }).catch((e: unknown) => {
    if (isAppError(e) && e.code === 'not_found') notFound();
    throw e;
  });
  return (
    <>
      <PageHeader title="Blocklist application" description="Each change sent to a server, and what the server answered." />
      <BlocklistsTabs current="/blocklists/history" />
      <ApplicationClient initial={toJsonSafe(application)} />
    </>
  );
}
