import { z } from 'zod';
import { notFound } from 'next/navigation';
import { requirePageActor } from '@/lib/auth/current-actor';
import { hasRole } from '@/lib/auth/policy';
import { getSource } from '@/lib/blocklists/sources/get-source';
import { isAppError } from '@/lib/errors';
import { toJsonSafe } from '@/lib/http/route';
import { BlocklistsTabs } from '@/components/blocklists/blocklists-tabs';
import { PageHeader } from '@/components/ui/page-header';
import { SourceClient } from './page-client';

export default async function SourcePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor('viewer', `/blocklists/sources/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const source = await getSource({ ctx: { actor }, input: { id } }).catch((e: unknown) => {
    if (isAppError(e) && e.code === 'not_found') notFound();
    throw e;
  });
  return (
    <>
      <PageHeader title={source.name} description="A blocklist source: its settings, every fetch, and what it lists now." />
      <BlocklistsTabs current="/blocklists" />
      <SourceClient initial={toJsonSafe(source)} canEdit={hasRole(actor, 'moderator')} />
    </>
  );
}
