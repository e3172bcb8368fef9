/**
 * The reports a matcher's hits raise, re-ranked: after it is disabled, re-enabled, re-rated or removed its
 * OutsideMatch rows stay (or go by cascade) but the report summaries must follow. `mediaIds` is read before a
 * delete, since the rows go with the matcher.
 */
import { db } from '@/lib/db';
import { refreshReportMatches, reportIdsForMedia } from '@/lib/matching/refresh-report-matches';

export async function mediaWithHitsOf(matcherId: string): Promise<string[]> {
  const rows = await db.outsideMatch.findMany({ where: { matcherId }, select: { mediaId: true }, distinct: ['mediaId'] });
  return rows.map((r) => r.mediaId);
}

export async function refreshReportsForMedia(mediaIds: readonly string[]): Promise<void> {
  for (let i = 0; i < mediaIds.length; i += 500) await refreshReportMatches(await reportIdsForMedia(mediaIds.slice(i, i + 500)));
}
