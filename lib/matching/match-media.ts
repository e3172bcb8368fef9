/**
 * Matches one media item against the banks, right after it is hashed (lib/media/ingest-media.ts), and brings the
 * reports that show it up to date. Only hashes are compared, in memory; nothing leaves the server.
 * See find-media-hits.ts for the quality gate, the 8 dihedral variants and the allow-bank rule (an allow-bank
 * hit suppresses, and deletes, every match-bank result for the media).
 */
import { db } from '@/lib/db';
import { getMatchSettings } from './match-settings';
import { MEDIA_HASH_SELECT, matchMediaBatch } from './match-batch';
import { refreshReportMatches, reportIdsForMedia } from './refresh-report-matches';
import { syncBankIndex } from './sync-bank-index';

export interface MatchMediaOutcome {
  matches: number;
  /** True when an allow-bank entry matched, so match-bank results were dropped. */
  allowed: boolean;
  /** True when the PDQ hash was below the quality gate (exact hashes were still looked up). */
  pdqSkipped: boolean;
  reportIds: string[];
}

export async function matchMedia(mediaId: string): Promise<MatchMediaOutcome> {
  const { index } = await syncBankIndex();
  const settings = await getMatchSettings();
  const media = await db.media.findUnique({ where: { id: mediaId }, select: MEDIA_HASH_SELECT });
  if (!media) return { matches: 0, allowed: false, pdqSkipped: false, reportIds: [] };
  const { hits } = await matchMediaBatch(index, [media], settings);
  const h = hits.get(mediaId);
  // Always refreshed (not only on change): this is the first time the report can learn about its media's matches.
  const reportIds = await reportIdsForMedia([mediaId]);
  await refreshReportMatches(reportIds);
  return { matches: h?.matches.length ?? 0, allowed: (h?.allowedBy.length ?? 0) > 0, pdqSkipped: h?.pdqSkipped ?? false, reportIds };
}
