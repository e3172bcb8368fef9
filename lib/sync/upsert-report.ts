/**
 * Writes one remote report (with its accounts, statuses and media) by (instance, remote id), in its own
 * transaction: the webhook path, the refresh of one stale report, and the item-by-item fallback of a page.
 * Idempotent: when the report's content hash is unchanged nothing is written, so a second sync changes nothing.
 * Returns the ids of media rows that still need fetching.
 */
import { db } from '@/lib/db';
import type { RemoteReport } from '@/lib/connectors/types';
import { AppError } from '@/lib/errors';
import { cleanRemoteReport } from './clean-remote-report';
import { reportContentHash } from './content-hash';
import { writeReportBatch, type UpsertOutcome } from './write-report-batch';

export type { UpsertOutcome } from './write-report-batch';

export async function upsertReport(instanceId: string, input: RemoteReport): Promise<UpsertOutcome> {
  const cleaned = cleanRemoteReport(input);
  if (!cleaned.ok) throw new AppError('bad_request', cleaned.error, { userMessage: cleaned.error });
  const remote = cleaned.report;
  const contentHash = reportContentHash(remote);
  const existing = await db.report.findUnique({
    where: { instanceId_remoteId: { instanceId, remoteId: remote.remoteId } },
    select: { id: true, contentHash: true },
  });
  if (existing && existing.contentHash === contentHash) {
    return { reportId: existing.id, changed: false, created: false, newMediaIds: [] };
  }
  const [out] = await db.$transaction((tx) => writeReportBatch(tx, instanceId, [{ remote, contentHash, existingId: existing?.id ?? null }]), { timeout: 30_000 });
  return out;
}
