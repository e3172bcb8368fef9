/**
 * The queue row's small tile: per report, the first media item (reporter's status order, then the item's own order)
 * that has a stored preview. One query for the whole page; only previews are ever linked, never originals.
 */
import { db } from '@/lib/db';

export async function reportThumbs(reportIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (reportIds.length === 0) return out;
  const withPreview = { previewKey: { not: null } };
  const links = await db.reportStatusLink.findMany({
    where: { reportId: { in: [...new Set(reportIds)] }, status: { media: { some: withPreview } } },
    orderBy: [{ reportId: 'asc' }, { position: 'asc' }, { statusId: 'asc' }],
    select: { reportId: true, status: { select: { media: { where: withPreview, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: 1, select: { id: true } } } } },
  });
  for (const l of links) {
    const first = l.status.media[0];
    if (first && !out.has(l.reportId)) out.set(l.reportId, first.id);
  }
  return out;
}
