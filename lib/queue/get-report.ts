/**
 * One report with everything the detail page shows. Reports on instances the actor cannot see are
 * "not found", not "forbidden", so a limited moderator cannot probe which report ids exist elsewhere.
 */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { canActOn, canSeeInstance } from '@/lib/auth/policy';
import { caseBadgesForReports, caseForMedia } from '@/lib/cases/case-badges';
import { AppError } from '@/lib/errors';
import { holdsForReport } from '@/lib/holding/holds-for-report';
import { readBrigade, readWatchTerms } from '@/lib/holding/queue-flags';
import type { RemoteNoteView, ReportDetail, StatusView } from './detail-types';
import { excerpt } from './excerpt';
import { explainPriority } from './explain-priority';
import { loadReportStatuses } from './load-report-statuses';
import { accountSelect, toAccountCard } from './account-card';

const EARLIER_LIMIT = 20;

export async function getReport({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<ReportDetail> {
  const r = await db.report.findUnique({
    where: { id: input.id },
    select: {
      id: true, remoteId: true, category: true, status: true, comment: true, forwarded: true, rules: true, remoteNotes: true, priority: true,
      remoteCreatedAt: true, resolvedAt: true, targetId: true, matchSeverity: true, matchDistance: true, mediaCount: true,
      kind: true, watchTerms: true, brigade: true, reportScore: true,
      instance: { select: { id: true, name: true, kind: true, domain: true } },
      reporter: { select: accountSelect },
      target: { select: accountSelect },
      assignee: { select: { acct: true } },
    },
  });
  if (!r || !canSeeInstance(ctx.actor, r.instance.id)) throw new AppError('not_found', 'report not found or not visible');

  const againstTarget = { targetId: r.targetId, id: { not: r.id } };
  const [earlier, earlierTotal, statuses] = await Promise.all([
    db.report.findMany({
      where: againstTarget,
      orderBy: [{ remoteCreatedAt: 'desc' }, { id: 'asc' }],
      take: EARLIER_LIMIT,
      select: { id: true, remoteId: true, category: true, status: true, remoteCreatedAt: true, comment: true },
    }),
    db.report.count({ where: againstTarget }),
    loadReportStatuses(r.id),
  ]);
  const [badges, mediaCases, holds] = await Promise.all([
    caseBadgesForReports(ctx, [r.id]),
    caseForMedia(ctx, statuses.flatMap((s) => s.media.map((m) => m.id))),
    holdsForReport(ctx, r.id),
  ]);

  return {
    id: r.id,
    remoteId: r.remoteId,
    category: r.category,
    status: r.status,
    comment: r.comment,
    forwarded: r.forwarded,
    rules: ruleTexts(r.rules),
    remoteNotes: noteViews(r.remoteNotes),
    priority: r.priority,
    priorityReason: explainPriority({
      priority: r.priority, severity: r.matchSeverity, distance: r.matchDistance, category: r.category, mediaCount: r.mediaCount, reportCount: earlierTotal + 1,
    }),
    remoteCreatedAt: r.remoteCreatedAt.toISOString(),
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
    instance: r.instance,
    reporter: r.reporter ? toAccountCard(r.reporter) : null,
    target: toAccountCard(r.target),
    assigneeAcct: r.assignee?.acct ?? null,
    earlierReports: earlier.map((e) => ({
      id: e.id, remoteId: e.remoteId, category: e.category, status: e.status,
      remoteCreatedAt: e.remoteCreatedAt.toISOString(), excerpt: excerpt(e.comment),
    })),
    earlierTotal,
    statuses: withMediaCases(statuses, mediaCases),
    canAct: canActOn(ctx.actor, r.instance.id),
    case: badges.get(r.id) ?? null,
    kind: r.kind,
    watch: readWatchTerms(r.watchTerms),
    holds,
    brigade: readBrigade(r.brigade),
    reportScore: r.reportScore,
  };
}

function withMediaCases(statuses: StatusView[], cases: Map<string, { id: string; number: number }>): StatusView[] {
  return statuses.map((s) => ({ ...s, media: s.media.map((m) => ({ ...m, case: cases.get(m.id) ?? null })) }));
}

/** `rules` is stored JSON from the sync; read it defensively and keep only the texts. */
function ruleTexts(rules: unknown): string[] {
  if (!Array.isArray(rules)) return [];
  return rules
    .map((x) => (typeof x === 'string' ? x : x && typeof x === 'object' && typeof (x as { text?: unknown }).text === 'string' ? (x as { text: string }).text : null))
    .filter((t): t is string => !!t)
    .slice(0, 50);
}

/** `remoteNotes` is stored JSON from the sync; read it defensively (a malformed entry is dropped, not fatal). */
function noteViews(notes: unknown): RemoteNoteView[] {
  if (!Array.isArray(notes)) return [];
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return notes
    .filter((n): n is Record<string, unknown> => !!n && typeof n === 'object' && typeof (n as { text?: unknown }).text === 'string')
    .map((n) => ({ author: str(n.author), text: n.text as string, createdAt: str(n.createdAt) }))
    .slice(0, 50);
}
