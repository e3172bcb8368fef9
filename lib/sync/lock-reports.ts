/**
 * The matcher's row lock (lib/matching/report-match-fields.ts), taken for a whole batch in one statement: every
 * existing report a sync is about to rewrite is locked FOR UPDATE, in id order so two batches never deadlock,
 * and its match fields are read fresh under the lock.
 */
import type { Tx } from '@/lib/db';

export interface LockedReport {
  id: string;
  matchSeverity: number;
  matchDistance: number | null;
  matchSummary: unknown;
  remoteCreatedAt: Date;
  remoteUpdatedAt: Date | null;
  resolvedAt: Date | null;
}

export async function lockReportsForPriority(tx: Tx, ids: string[]): Promise<Map<string, LockedReport>> {
  if (ids.length === 0) return new Map();
  await tx.$executeRawUnsafe(
    `SELECT 1 FROM "Report" WHERE "id" IN (SELECT jsonb_array_elements_text($1::jsonb)::uuid) ORDER BY "id" FOR UPDATE`,
    JSON.stringify(ids),
  );
  const rows = await tx.report.findMany({
    where: { id: { in: ids } },
    select: { id: true, matchSeverity: true, matchDistance: true, matchSummary: true, remoteCreatedAt: true, remoteUpdatedAt: true, resolvedAt: true },
  });
  return new Map(rows.map((r) => [r.id, r]));
}
