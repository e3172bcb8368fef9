/**
 * The statuses a report points at, in the reporter's order, with their media. Status HTML was sanitized at
 * sync; it is sanitized again here because it is the one string the UI renders as HTML, and a row written by
 * an older sanitizer (or by hand) must not be able to inject markup. A handful of statuses: cheap.
 */
import { db } from '@/lib/db';
import { sanitizeStatusHtml } from '@/lib/reports/sanitize-html';
import type { StatusView } from './detail-types';
import { mediaViewSelect, toMediaView } from './media-view';
import { safeHttpUrl } from './safe-url';

export async function loadReportStatuses(reportId: string): Promise<StatusView[]> {
  const links = await db.reportStatusLink.findMany({
    where: { reportId },
    orderBy: [{ position: 'asc' }, { statusId: 'asc' }],
    select: {
      status: {
        select: {
          id: true, remoteId: true, url: true, contentHtml: true, spoilerText: true, sensitive: true, visibility: true, remoteCreatedAt: true, remoteState: true,
          media: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: mediaViewSelect },
        },
      },
    },
  });
  return links.map(({ status: s }) => ({
    id: s.id,
    remoteId: s.remoteId,
    url: safeHttpUrl(s.url),
    contentHtml: sanitizeStatusHtml(s.contentHtml),
    spoilerText: s.spoilerText,
    sensitive: s.sensitive,
    visibility: s.visibility,
    remoteCreatedAt: s.remoteCreatedAt?.toISOString() ?? null,
    remoteState: s.remoteState,
    media: s.media.map(toMediaView),
  }));
}
