import { notFound } from 'next/navigation';
import { z } from 'zod';
import { requirePageActor } from '@/lib/auth/current-actor';
import { hasRole } from '@/lib/auth/policy';
import { getBank } from '@/lib/banks/get-bank';
import { isAppError } from '@/lib/errors';
import { toJsonSafe } from '@/lib/http/route';
import { BankDetailClient } from './page-client';

export default async function BankPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor('viewer', `/banks/${encodeURIComponent(id)}`);
  const parsed = z.uuid().safeParse(id);
  if (!parsed.success) notFound();
  const detail = await getBank({ ctx: { actor }, input: { id: parsed.data } }).catch((e: unknown) => {
    if (isAppError(e) && e.code === 'not_found') notFound();
    throw e;
  });
  return <BankDetailClient initial={toJsonSafe(detail)} isAdmin={hasRole(actor, 'admin')} canExport={hasRole(actor, 'moderator')} />;
}
