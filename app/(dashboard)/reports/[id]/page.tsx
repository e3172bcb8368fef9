import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getUserPreferences, requirePageActor } from '@/lib/auth/current-actor';
import { isAppError } from '@/lib/errors';
import { getReport } from '@/lib/queue/get-report';
import { ReportClient } from './page-client';

export default async function ReportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string | string[] }> }) {
  const { id: raw } = await params;
  // ?from=<id>: this page was opened as "the next report" after acting on that one (offers Back).
  const from = z.uuid().safeParse((await searchParams).from);
  const id = z.uuid().safeParse(raw);
  const actor = await requirePageActor('viewer', id.success ? `/reports/${id.data}` : '/queue');
  if (!id.success) notFound();
  const [report, prefs] = await Promise.all([
    getReport({ ctx: { actor }, input: { id: id.data } }).catch((e: unknown) => {
      if (isAppError(e) && e.code === 'not_found') notFound();
      throw e;
    }),
    getUserPreferences(actor.id),
  ]);
  // Keyed by id: moving to another report starts with every media item blurred again.
  return <ReportClient key={report.id} initial={report} prefs={prefs} openedFrom={from.success ? from.data : null} />;
}
