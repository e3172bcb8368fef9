import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getUserPreferences, requirePageActor } from '@/lib/auth/current-actor';
import { isAppError } from '@/lib/errors';
import { getExposureStatus } from '@/lib/exposure/get-exposure-status';
import { getReport } from '@/lib/queue/get-report';
import { ReportClient } from './page-client';

export default async function ReportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string | string[] }> }) {
  const { id: raw } = await params;
  // ?from=<id>: this page was opened as "the next report" after acting on that one (offers Back).
  const from = z.uuid().safeParse((await searchParams).from);
  const id = z.uuid().safeParse(raw);
  const actor = await requirePageActor('viewer', id.success ? `/reports/${id.data}` : '/queue');
  if (!id.success) notFound();
  const [report, prefs, exposure] = await Promise.all([
    getReport({ ctx: { actor }, input: { id: id.data } }).catch((e: unknown) => {
      if (isAppError(e) && e.code === 'not_found') notFound();
      throw e;
    }),
    getUserPreferences(actor.id),
    getExposureStatus(actor.id),
  ]);
  // Reached while severe items are paused for this person (a link, or "next" from a queue loaded before the limit):
  // say so above the report instead of leaving them to find out at the reveal.
  const severe = report.statuses.some((s) => s.media.some((m) => (m.matches[0]?.severity ?? 0) >= exposure.limits.severeAt));
  // Keyed by id: moving to another report starts with every media item blurred again.
  return <ReportClient key={report.id} initial={report} prefs={prefs} openedFrom={from.success ? from.data : null} exposure={severe && exposure.limited ? exposure : undefined} />;
}
