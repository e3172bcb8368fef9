import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getUserPreferences, requirePageActor } from '@/lib/auth/current-actor';
import { hasRole } from '@/lib/auth/policy';
import { getCase } from '@/lib/cases/get-case';
import { recordCaseView } from '@/lib/exposure/record-case-view';
import { isAppError } from '@/lib/errors';
import { getMediaView } from '@/lib/queue/media-view';
import { CaseClient } from './page-client';

export const metadata: Metadata = { title: 'Case · Fedimod' };

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const id = z.uuid().safeParse(raw);
  const actor = await requirePageActor('viewer', id.success ? `/cases/${id.data}` : '/cases');
  if (!id.success) notFound();
  const detail = await getCase({ ctx: { actor }, input: { id: id.data } }).catch((e: unknown) => {
    if (isAppError(e) && e.code === 'not_found') notFound();
    throw e;
  });
  await recordCaseView({ ctx: { actor }, input: { caseId: detail.id } });
  const [prefs, media] = await Promise.all([
    getUserPreferences(actor.id),
    detail.primaryMediaId ? getMediaView({ actor }, detail.primaryMediaId) : null,
  ]);
  // Keyed by id: another case starts with its item blurred again.
  return <CaseClient key={detail.id} initial={detail} media={media} prefs={prefs} myId={actor.id} isAdmin={hasRole(actor, 'admin')} />;
}
