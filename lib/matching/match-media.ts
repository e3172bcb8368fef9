/**
 * Matches one media item against the banks, right after it is hashed (lib/media/ingest-media.ts), and brings the
 * reports that show it up to date. Only hashes are compared, in memory; nothing leaves the server.
 * See find-media-hits.ts for the quality gate, the 8 dihedral variants and the allow-bank rule (an allow-bank
 * hit suppresses, and deletes, every match-bank result for the media).
 */
import { db } from '@/lib/db';
import { getMatchSettings } from './match-settings';
import { findMediaHits } from './find-media-hits';
import { MEDIA_HASH_SELECT, type MediaHashRow } from './match-batch';
import { storeMediaMatches } from './store-matches';
import { refreshReportMatches, reportIdsForMedia } from './refresh-report-matches';
import { syncBankIndex } from './sync-bank-index';
import { holdOnBankMatch } from '@/lib/holding/bank-signal';

export interface MatchMediaOutcome {
  matches: number;
  /** True when an allow-bank entry matched, so match-bank results were dropped. */
  allowed: boolean;
  /** True when the PDQ hash was below the quality gate (exact hashes were still looked up). */
  pdqSkipped: boolean;
  reportIds: string[];
}

export async function matchMedia(mediaId: string, known?: MediaHashRow): Promise<MatchMediaOutcome> {
  const { index } = await syncBankIndex();
  const settings = await getMatchSettings();
  // Ingest passes the hashes it has just written, saving a read per media.
  const media = known ?? (await db.media.findUnique({ where: { id: mediaId }, select: MEDIA_HASH_SELECT }));
  if (!media) return { matches: 0, allowed: false, pdqSkipped: false, reportIds: [] };
  const found = findMediaHits(index, media, settings);
  const outcome = (reportIds: string[]) => ({ matches: found.matches.length, allowed: found.allowedBy.length > 0, pdqSkipped: found.pdqSkipped, reportIds });
  if (found.matches.length === 0) {
    // Most media match nothing. Their stored rows must be none; if there were none, no report's match fields can
    // move, so neither the store's transaction nor a per-report refresh (a locked transaction each) is needed.
    const removed = await db.mediaMatch.deleteMany({ where: { mediaId } });
    if (removed.count === 0) return outcome([]);
  } else {
    await storeMediaMatches([{ mediaId, rows: found.matches }]);
  }
  // Refreshed on any hit (not only on change): a retry after a crash between storing and refreshing must still land.
  const reportIds = await reportIdsForMedia([mediaId]);
  await refreshReportMatches(reportIds);
  if (found.matches.length > 0) await holdOnBankMatch(mediaId, reportIds);
  return outcome(reportIds);
}
