/**
 * The statuses a report points at, in the reporter's order, with their media. Status HTML was sanitized at
 * sync; it is sanitized again here because it is the one string the UI renders as HTML, and a row written by
 * an older sanitizer (or by hand) must not be able to inject markup. A handful of statuses: cheap.
 */
import { db } from '@/lib/db';
import { sanitizeStatusHtml } from '@/lib/reports/sanitize-html';
import type { StatusView } from './detail-types';
import { isInlineImage } from './media-policy';
import { safeHttpUrl } from './safe-url';

export async function loadReportStatuses(reportId: string): Promise<StatusView[]> {
  const links = await db.reportStatusLink.findMany({
    where: { reportId },
    orderBy: [{ position: 'asc' }, { statusId: 'asc' }],
    select: {
      status: {
        select: {
          id: true, remoteId: true, url: true, contentHtml: true, spoilerText: true, sensitive: true, visibility: true, remoteCreatedAt: true, remoteState: true,
          media: {
            orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
            select: {
              id: true, type: true, state: true, previewKind: true, description: true, mime: true, width: true, height: true,
              error: true, previewKey: true, storageKey: true, pdqQuality: true, remoteDeletedAt: true,
              matches: {
                where: { bank: { kind: 'match', enabled: true }, entry: { enabled: true } },
                select: { distance: true, variant: true, quality: true, signalType: true, bank: { select: { name: true, label: true, severity: true } } },
              },
            },
          },
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
    // Storage keys stay on the server; the browser only learns whether a preview/original exists.
    media: s.media.map(({ previewKey, storageKey, matches, pdqQuality, remoteDeletedAt, ...m }) => ({
      ...m,
      remoteDeletedAt: remoteDeletedAt?.toISOString() ?? null,
      matches: matches
        .map((x) => ({ bank: x.bank.name, label: x.bank.label, severity: x.bank.severity, distance: x.distance, variant: x.variant, quality: x.quality ?? pdqQuality, signalType: x.signalType }))
        .sort((a, b) => b.severity - a.severity || a.distance - b.distance),
      inlineOriginal: isInlineImage(m.mime),
      hasPreview: !!previewKey,
      hasOriginal: !!storageKey,
    })),
  }));
}
