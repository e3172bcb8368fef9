/**
 * Writes one remote report (with its accounts, statuses and media) by (instance, remote id).
 * Idempotent: when the report's content hash is unchanged nothing is written, so a second sync changes nothing.
 * Returns the ids of media rows that still need fetching.
 */
import { db, type Tx } from '@/lib/db';
import type { RemoteReport } from '@/lib/connectors/types';
import { lockReportForPriority, matchFieldsForPriority } from '@/lib/matching/report-match-fields';
import { computePriority } from '@/lib/queue/priority';
import { sanitizeStatusHtml } from '@/lib/reports/sanitize-html';
import { reportContentHash } from './content-hash';
import { upsertAccount } from './upsert-accounts';

export interface UpsertOutcome {
  reportId: string;
  changed: boolean;
  created: boolean;
  newMediaIds: string[];
}

export async function upsertReport(instanceId: string, remote: RemoteReport): Promise<UpsertOutcome> {
  const contentHash = reportContentHash(remote);
  const existing = await db.report.findUnique({
    where: { instanceId_remoteId: { instanceId, remoteId: remote.remoteId } },
    select: { id: true, contentHash: true },
  });
  if (existing && existing.contentHash === contentHash) {
    return { reportId: existing.id, changed: false, created: false, newMediaIds: [] };
  }
  return db.$transaction(async (tx) => writeReport(tx, instanceId, remote, contentHash, existing?.id ?? null), { timeout: 30_000 });
}

async function writeReport(tx: Tx, instanceId: string, remote: RemoteReport, contentHash: string, existingId: string | null): Promise<UpsertOutcome> {
  const created = existingId === null;
  // The matcher owns the match fields; read them under its row lock so the new priority keeps the report's match.
  const match = matchFieldsForPriority(existingId ? await lockReportForPriority(tx, existingId) : null);
  const targetId = await upsertAccount(tx, instanceId, remote.target);
  const reporterId = remote.reporter ? await upsertAccount(tx, instanceId, remote.reporter) : null;
  const assigneeId = remote.assignee ? await upsertAccount(tx, instanceId, remote.assignee) : null;
  const newMediaIds: string[] = [];
  const statusIds: string[] = [];
  let mediaCount = 0;
  for (const s of remote.statuses) {
    const data = {
      accountId: targetId,
      url: s.url,
      contentHtml: sanitizeStatusHtml(s.contentHtml),
      spoilerText: s.spoilerText ?? '',
      sensitive: s.sensitive,
      visibility: s.visibility,
      remoteCreatedAt: s.createdAt ? new Date(s.createdAt) : null,
    };
    const status = await tx.status.upsert({
      where: { instanceId_remoteId: { instanceId, remoteId: s.remoteId } },
      create: { instanceId, remoteId: s.remoteId, ...data },
      update: data,
      select: { id: true },
    });
    statusIds.push(status.id);
    for (const m of s.media) {
      mediaCount++;
      const found = await tx.media.findUnique({ where: { instanceId_remoteId: { instanceId, remoteId: m.remoteId } }, select: { id: true } });
      if (found) continue; // media bytes are immutable on the server; the first fetch is kept
      const row = await tx.media.create({
        data: { instanceId, statusId: status.id, remoteId: m.remoteId, type: m.type, url: m.url, remoteUrl: m.remoteUrl, description: m.description },
        select: { id: true },
      });
      newMediaIds.push(row.id);
    }
  }
  const earlier = await tx.report.count({ where: { instanceId, targetId } });
  const createdAt = new Date(remote.createdAt);
  const fields = {
    status: remote.resolved ? ('resolved' as const) : ('open' as const),
    category: remote.category,
    comment: remote.comment ?? '',
    forwarded: remote.forwarded,
    reporterId,
    targetId,
    assigneeId,
    rules: remote.rules as unknown as object,
    // Absent notes mean "this source does not say" (not "none"), so what is stored is kept.
    ...(remote.notes ? { remoteNotes: remoteNotes(remote.notes) as unknown as object } : {}),
    mediaCount,
    statusCount: remote.statuses.length,
    priority: computePriority({
      ...match,
      mediaCount,
      category: remote.category,
      ageHours: Math.max(0, (Date.now() - createdAt.getTime()) / 3_600_000),
      reportCount: earlier + (created ? 1 : 0),
    }),
    remoteCreatedAt: createdAt,
    remoteUpdatedAt: remote.updatedAt ? new Date(remote.updatedAt) : null,
    resolvedAt: remote.resolvedAt ? new Date(remote.resolvedAt) : null,
    contentHash,
    syncedAt: new Date(),
  };
  const report = await tx.report.upsert({
    where: { instanceId_remoteId: { instanceId, remoteId: remote.remoteId } },
    create: { instanceId, remoteId: remote.remoteId, ...fields },
    update: fields,
    select: { id: true },
  });
  await tx.reportStatusLink.deleteMany({ where: { reportId: report.id, statusId: { notIn: statusIds } } });
  for (const [position, statusId] of statusIds.entries()) {
    await tx.reportStatusLink.upsert({
      where: { reportId_statusId: { reportId: report.id, statusId } },
      create: { reportId: report.id, statusId, position },
      update: { position },
    });
  }
  return { reportId: report.id, changed: true, created, newMediaIds };
}

/** Server-side notes as plain text (rendered escaped), bounded so one chatty report cannot bloat the row. */
function remoteNotes(notes: NonNullable<RemoteReport['notes']>) {
  return notes.slice(-50).map((n) => ({
    remoteId: n.remoteId,
    author: n.author?.slice(0, 200) ?? null,
    text: n.text.slice(0, 10_000),
    createdAt: n.createdAt,
  }));
}
