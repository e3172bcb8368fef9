/**
 * Case badges for queue rows and report pages, and the case a media item belongs to. Only open and purging cases:
 * a closed case no longer groups anything. A badge counts the case's linked reports of the SAME status as the row's
 * report ("3 reports on 3 instances" among open reports), among the instances the actor can see.
 */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { visibleInstanceIds } from '@/lib/auth/policy';
import { ACTIVE_STATES } from './case-access';
import type { CaseBadge, CaseState } from './types';

export async function caseBadgesForReports(ctx: Ctx, reportIds: string[]): Promise<Map<string, CaseBadge>> {
  const out = new Map<string, CaseBadge>();
  if (reportIds.length === 0) return out;
  const visible = visibleInstanceIds(ctx.actor);
  const reportWhere = visible === null ? {} : { instanceId: { in: visible } };
  const links = await db.caseReport.findMany({
    where: { reportId: { in: [...new Set(reportIds)] }, report: reportWhere, case: { state: { in: [...ACTIVE_STATES] } } },
    select: { reportId: true, report: { select: { status: true } }, case: { select: { id: true, number: true, state: true, severity: true, label: true } } },
  });
  if (links.length === 0) return out;
  const caseIds = [...new Set(links.map((l) => l.case.id))];
  const members = await db.caseReport.findMany({
    where: { caseId: { in: caseIds }, report: reportWhere },
    select: { caseId: true, report: { select: { status: true, instanceId: true } } },
  });
  // caseId|status -> instances of the linked reports with that status (a Set per instance gives the distinct count).
  const groups = new Map<string, { reports: number; instances: Set<string> }>();
  for (const m of members) {
    const key = `${m.caseId}|${m.report.status}`;
    const g = groups.get(key) ?? { reports: 0, instances: new Set<string>() };
    g.reports++;
    g.instances.add(m.report.instanceId);
    groups.set(key, g);
  }
  for (const l of links) {
    const g = groups.get(`${l.case.id}|${l.report.status}`);
    const badge: CaseBadge = {
      id: l.case.id, number: l.case.number, state: l.case.state as CaseState, severity: l.case.severity, label: l.case.label,
      reports: g?.reports ?? 1, instances: g?.instances.size ?? 1,
    };
    const prev = out.get(l.reportId);
    // A report in two cases shows the more severe one (then the older): stable across refreshes.
    if (!prev || badge.severity > prev.severity || (badge.severity === prev.severity && badge.number < prev.number)) out.set(l.reportId, badge);
  }
  return out;
}

export async function caseForMedia(ctx: Ctx, mediaIds: string[]): Promise<Map<string, { id: string; number: number }>> {
  const out = new Map<string, { id: string; number: number }>();
  if (mediaIds.length === 0) return out;
  const visible = visibleInstanceIds(ctx.actor);
  const copies = await db.caseCopy.findMany({
    where: { mediaId: { in: [...new Set(mediaIds)] }, case: { state: { in: [...ACTIVE_STATES] } }, ...(visible === null ? {} : { instanceId: { in: visible } }) },
    select: { mediaId: true, case: { select: { id: true, number: true } } },
    orderBy: { case: { number: 'asc' } },
  });
  for (const c of copies) if (c.mediaId && !out.has(c.mediaId)) out.set(c.mediaId, c.case);
  return out;
}
