/**
 * A report's match fields as the priority function needs them, read under a row lock. Both writers of
 * Report.priority (the sync, which knows the report's category and media count, and the matcher, which knows its
 * matches) take this lock inside their transaction and read the other's fields fresh, so a concurrent sync and
 * match can never leave a priority computed from stale inputs.
 */
import { z } from 'zod';
import type { Tx } from '@/lib/db';

const summaryQuality = z.object({ quality: z.number().int().nullable() });

export async function lockReportForPriority(tx: Tx, reportId: string) {
  await tx.$executeRaw`SELECT 1 FROM "Report" WHERE "id" = ${reportId}::uuid FOR UPDATE`;
  return tx.report.findUnique({
    where: { id: reportId },
    select: { instanceId: true, targetId: true, remoteCreatedAt: true, category: true, mediaCount: true, matchSeverity: true, matchDistance: true, matchSummary: true },
  });
}

/** The stored best match, for a priority recomputed by someone other than the matcher. */
export function matchFieldsForPriority(row: { matchSeverity: number; matchDistance: number | null; matchSummary: unknown } | null): {
  severity: number; distance: number | null; quality: number | null;
} {
  if (!row || row.matchSeverity <= 0) return { severity: 0, distance: null, quality: null };
  const parsed = summaryQuality.safeParse(row.matchSummary);
  return { severity: row.matchSeverity, distance: row.matchDistance, quality: parsed.success ? parsed.data.quality : null };
}
