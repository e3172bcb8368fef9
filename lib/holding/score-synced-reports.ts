/**
 * The sync's and the webhook's entry to report weighting: the reports just written name their targets, and only
 * those people are re-weighed. Never throws: a scoring failure is logged, the sync or the delivery goes on, and the
 * next write touching the same person scores it again.
 */
import { db } from '@/lib/db';
import { logger } from '@/lib/log/logger';
import { updateReportScores } from './update-report-scores';

const log = logger('holding');

export async function scoreSyncedReportsSafely(reportIds: readonly string[]): Promise<void> {
  if (reportIds.length === 0) return;
  try {
    const rows = await db.report.findMany({ where: { id: { in: [...new Set(reportIds)] } }, select: { targetId: true } });
    await updateReportScores([...new Set(rows.map((r) => r.targetId))]);
  } catch (e) {
    log.error('report scoring failed', { reports: reportIds.length, error: e instanceof Error ? e.message : String(e) });
  }
}
