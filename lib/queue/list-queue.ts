/**
 * The queue: reports from every instance the actor may see, filtered and sorted, one keyset page at a time.
 * Instance names come from the counts query (already needed for the sidebar) instead of a join per row.
 * A person over the team's exposure limit (lib/exposure) is not routed severe reports: they are left out of the
 * page, and `exposure` says why; colleagues under the limit still get them.
 */
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Ctx } from '@/lib/audit/actor';
import { visibleInstanceIds } from '@/lib/auth/policy';
import { caseBadgesForReports } from '@/lib/cases/case-badges';
import { heldReportIds } from '@/lib/holding/pending-holds-for';
import { readBrigade, readWatchTerms } from '@/lib/holding/queue-flags';
import { getExposureStatus } from '@/lib/exposure/get-exposure-status';
import type { ExposureStatus } from '@/lib/exposure/types';
import type { CaseBadge } from '@/lib/cases/types';
import { assigneeWhere } from './assignee-where';
import { countOpenByInstance } from './count-open';
import { decodeCursor, encodeCursor } from './cursor';
import { excerpt } from './excerpt';
import { groupByCase } from './group-by-case';
import { toMatchView } from './match-view';
import { afterCursor, orderByFor } from './keyset';
import { queueInputSchema, type QueueInput } from './queue-input';
import { rowExtras } from './row-extras';
import { teamFilterWhere } from './team-filters';
import type { QueuePage, QueueRow } from './types';

const rowSelect = {
  id: true, instanceId: true, remoteId: true, category: true, comment: true, mediaCount: true, statusCount: true,
  priority: true, remoteCreatedAt: true, status: true, matchSummary: true, kind: true, watchTerms: true, brigade: true,
  target: { select: { acct: true, displayName: true, domain: true } },
  reporter: { select: { acct: true } },
  assignee: { select: { acct: true } },
} satisfies Prisma.ReportSelect;

export async function listQueue({ ctx, input }: { ctx: Ctx; input: QueueInput }): Promise<QueuePage> {
  const q = queueInputSchema.parse(input);
  const visible = visibleInstanceIds(ctx.actor);
  const and: Prisma.ReportWhereInput[] = [{ status: q.status }];
  if (visible) and.push({ instanceId: { in: visible } });
  if (q.instanceId) and.push({ instanceId: q.instanceId });
  // Items whose hold waits for a human are pinned above the list (held) and left out of every page of it. Pinned
  // whatever the report's status: Mastodon resolves every open report on an account when any account action is taken
  // on it (Admin::AccountAction#process_reports!), so a hold's own step may close the report on the server.
  const pinned = q.status === 'open';
  const heldScope = and.slice(1);
  if (pinned) and.push({ holdPendingAt: null });
  if (q.category) and.push({ category: q.category });
  if (q.hasMedia !== undefined) and.push(q.hasMedia ? { mediaCount: { gt: 0 } } : { mediaCount: 0 });
  if (q.hasMatch !== undefined) and.push(q.hasMatch ? { matchSeverity: { gt: 0 } } : { matchSeverity: 0 });
  if (q.cursor) and.push(afterCursor(decodeCursor(q.cursor, q.sort)));

  const [assignee, team, counts, exposure] = await Promise.all([
    assigneeWhere(ctx, q.assignee), teamFilterWhere(q), countOpenByInstance(visible), exposureOf(ctx),
  ]);
  const withExposure = exposure ? { exposure } : {};
  if (assignee === 'none' || team === 'none') return { items: [], nextCursor: null, counts, held: [], ...withExposure };
  if (assignee) and.push(assignee);
  and.push(...team);
  if (exposure?.limited) {
    and.push(severeLeftOut(exposure));
    heldScope.push(severeLeftOut(exposure));
  }

  const rows = await db.report.findMany({ where: { AND: and }, orderBy: orderByFor(q.sort), take: q.limit + 1, select: rowSelect });
  const heldIds = pinned && !q.cursor ? await heldReportIds(heldScope) : [];
  const heldRows = heldIds.length ? await db.report.findMany({ where: { id: { in: heldIds } }, select: rowSelect }) : [];
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > q.limit && last
    ? encodeCursor({ sort: q.sort, remoteCreatedAt: last.remoteCreatedAt, id: last.id, priority: last.priority })
    : null;
  const names = new Map(counts.map((c) => [c.instanceId, c]));
  // One query for the whole page. The cursor above comes from the last RAW row, so grouping never skips a report.
  const both = [...page, ...heldRows];
  const cases = await caseBadgesForReports(ctx, both.map((r) => r.id));
  const extras = await rowExtras(ctx, both.map((r) => ({ id: r.id, caseId: cases.get(r.id)?.id ?? null })));
  const asRow = (r: Selected) => ({ ...toRow(r, names.get(r.instanceId), cases.get(r.id) ?? null), ...extras.get(r.id) });
  const items = page.map(asRow);
  const byId = new Map(heldRows.map((r) => [r.id, r]));
  const held = heldIds.flatMap((id) => (byId.has(id) ? [asRow(byId.get(id)!)] : []));
  // With an instance filter every report of that instance is listed: there is nothing to group across.
  return { items: q.instanceId ? items : groupByCase(items), nextCursor, counts, held, ...withExposure };
}

async function exposureOf(ctx: Ctx): Promise<ExposureStatus | null> {
  return ctx.actor.type === 'user' ? getExposureStatus(ctx.actor.id) : null;
}

/** Severe by the report's best match (Report.matchSeverity, indexed with status), as the limit counts reveals. */
export function severeLeftOut(exposure: ExposureStatus): Prisma.ReportWhereInput {
  return { matchSeverity: { lt: exposure.limits.severeAt } };
}

type Selected = Prisma.ReportGetPayload<{ select: typeof rowSelect }>;

function toRow(r: Selected, inst: { name: string; kind: string } | undefined, badge: CaseBadge | null): QueueRow {
  return {
    id: r.id,
    instance: { id: r.instanceId, name: inst?.name ?? '', kind: inst?.kind ?? '' },
    remoteId: r.remoteId,
    category: r.category,
    excerpt: excerpt(r.comment),
    target: { acct: r.target.acct, displayName: r.target.displayName, domain: r.target.domain },
    reporterAcct: r.reporter?.acct ?? null,
    assigneeAcct: r.assignee?.acct ?? null,
    mediaCount: r.mediaCount,
    statusCount: r.statusCount,
    priority: r.priority,
    remoteCreatedAt: r.remoteCreatedAt.toISOString(),
    status: r.status,
    match: r.matchSummary ? toMatchView(r.matchSummary) : null,
    case: badge,
    // Defaults; listQueue overlays the page's batch-loaded extras (row-extras.ts).
    thumbMediaId: null,
    tags: [],
    escalation: null,
    claim: null,
    kind: r.kind,
    watch: readWatchTerms(r.watchTerms),
    hold: null,
    brigade: readBrigade(r.brigade),
  };
}
