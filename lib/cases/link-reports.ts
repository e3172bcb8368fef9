/**
 * Links reports to a case (idempotent), auditing each new link in the caller's transaction. The reports to link are
 * the ones showing a copy: media -> status -> ReportStatusLink -> report.
 */
import type { Tx } from '@/lib/db';
import type { Actor } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';

export async function reportIdsShowingMedia(tx: Tx, mediaIds: readonly string[]): Promise<string[]> {
  if (mediaIds.length === 0) return [];
  const links = await tx.reportStatusLink.findMany({
    where: { status: { media: { some: { id: { in: [...mediaIds] } } } } },
    select: { reportId: true },
    distinct: ['reportId'],
  });
  return links.map((l) => l.reportId);
}

/** Returns the ids newly linked. */
export async function linkReports(tx: Tx, caseId: string, reportIds: readonly string[], actor: Actor): Promise<string[]> {
  const wanted = [...new Set(reportIds)];
  if (wanted.length === 0) return [];
  const existing = await tx.caseReport.findMany({ where: { caseId, reportId: { in: wanted } }, select: { reportId: true } });
  const have = new Set(existing.map((e) => e.reportId));
  const fresh = wanted.filter((id) => !have.has(id));
  if (fresh.length === 0) return [];
  const reports = await tx.report.findMany({ where: { id: { in: fresh } }, select: { id: true, instanceId: true } });
  await tx.caseReport.createMany({ data: reports.map((r) => ({ caseId, reportId: r.id })), skipDuplicates: true });
  for (const r of reports) {
    await recordEvent(tx, { actor, action: 'case.report_linked', targetType: 'case', targetId: caseId, instanceId: r.instanceId, details: { reportId: r.id } });
  }
  return reports.map((r) => r.id);
}
