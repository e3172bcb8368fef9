/**
 * One case for its page: the item's hashes and best match, origin, copies, lookups, reports, notes and timeline.
 * A moderator limited to some instances sees the case only through its copies or reports on those instances, and
 * gets nothing of the others' (copies, lookups, reports, timeline events naming them, counts).
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { canRequestAction, canSeeInstance, canViewOriginals } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { canEditCase, canSeeCase } from './case-access';
import { parseCaseId } from './case-id';
import { staffLabeler } from '@/lib/team/staff-labeler';
import { CASE_LIST_SELECT, toCaseListItem } from './case-list-item';
import type { CaseCopyState, CaseDetail, CaseLookupStatus, CopyFoundBy } from './types';

const TIMELINE_LIMIT = 200;
const INSTANCE = { select: { id: true, name: true, kind: true, baseUrl: true } } as const;

const bestMatchSchema = z.object({
  bank: z.string(), label: z.string().nullable(), severity: z.number(), distance: z.number(), variant: z.string(), signalType: z.string(),
});
const detailsSchema = z.record(z.string(), z.unknown());

export async function getCase({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<CaseDetail> {
  const id = parseCaseId(input.id);
  const row = await db.case.findUnique({
    where: { id },
    select: {
      ...CASE_LIST_SELECT, sha256: true, md5: true, pdqHash: true, pdqQuality: true, bestMatch: true, originUri: true, originUrl: true,
      originMediaUrl: true, originAcct: true, originAccountUrl: true, originDomain: true, openedByLabel: true, openedById: true, closedAt: true,
      copies: { orderBy: [{ foundAt: 'asc' }, { id: 'asc' }], include: { instance: INSTANCE } },
      lookups: { orderBy: { requestedAt: 'asc' }, include: { instance: INSTANCE } },
      reports: { orderBy: { linkedAt: 'asc' }, select: { report: { select: { id: true, instanceId: true, remoteId: true, status: true, category: true, comment: true, remoteCreatedAt: true, instance: INSTANCE, target: { select: { acct: true } } } } } },
      notes: { orderBy: { createdAt: 'desc' }, select: { id: true, authorId: true, authorLabel: true, body: true, createdAt: true } },
    },
  });
  if (!row) throw new AppError('not_found', `case ${id} not found`);
  const sees = (instanceId: string) => canSeeInstance(ctx.actor, instanceId);
  const allInstances = [...new Set([...row.copies.map((c) => c.instanceId), ...row.reports.map((r) => r.report.instanceId)])];
  if (!canSeeCase(ctx.actor, allInstances)) throw new AppError('not_found', `case ${id} not visible`);
  const copies = row.copies.filter((c) => sees(c.instanceId));
  const reports = row.reports.map((r) => r.report).filter((r) => sees(r.instanceId));
  const lookups = row.lookups.filter((l) => sees(l.instanceId));
  const events = await db.auditEvent.findMany({
    where: { targetType: 'case', targetId: id },
    orderBy: { seq: 'desc' }, take: TIMELINE_LIMIT,
    select: { seq: true, at: true, action: true, actorId: true, actorLabel: true, details: true, instanceId: true },
  });
  const label = await staffLabeler(ctx.actor, [row.openedById, row.assignee?.id, ...row.notes.map((n) => n.authorId), ...events.map((e) => e.actorId)]);
  const best = bestMatchSchema.safeParse(row.bestMatch);
  const edit = canEditCase(ctx.actor, allInstances);
  // A media URL opens the original on its server: need-to-know like /api/media/[id]/original, so not for viewers.
  const originals = canViewOriginals(ctx.actor);
  return {
    ...toCaseListItem(row, { copyCount: copies.length, instanceCount: new Set(copies.map((c) => c.instanceId)).size, reportCount: reports.length }, label),
    hashes: { sha256: row.sha256, md5: row.md5, pdq: row.pdqHash, pdqQuality: row.pdqQuality },
    bestMatch: best.success ? best.data : null,
    origin: { uri: row.originUri, url: row.originUrl, mediaUrl: originals ? row.originMediaUrl : null, acct: row.originAcct, accountUrl: row.originAccountUrl, domain: row.originDomain },
    openedByLabel: label(row.openedById, row.openedByLabel),
    closedAt: row.closedAt?.toISOString() ?? null,
    copies: copies.map((c) => ({
      id: c.id, instance: c.instance, mediaId: c.mediaId, remotePostId: c.remotePostId, postUrl: c.postUrl, remoteMediaId: c.remoteMediaId,
      mediaUrl: originals ? c.mediaUrl : null, originUri: c.originUri, originMediaUrl: originals ? c.originMediaUrl : null, accountAcct: c.accountAcct,
      foundBy: c.foundBy as CopyFoundBy, foundVia: c.foundVia === 'remote' ? 'remote' : 'local', distance: c.distance, variant: c.variant,
      state: c.state as CaseCopyState, stateDetail: c.stateDetail, foundAt: c.foundAt.toISOString(), checkedAt: c.checkedAt.toISOString(),
      receiptVerdict: c.receiptVerdict, receiptAt: c.receiptAt?.toISOString() ?? null,
    })),
    lookups: lookups.map((l) => ({
      instance: { id: l.instance.id, name: l.instance.name, kind: l.instance.kind }, status: l.status as CaseLookupStatus, detail: l.detail,
      found: l.found, requestedAt: l.requestedAt.toISOString(), finishedAt: l.finishedAt?.toISOString() ?? null,
    })),
    reports: reports.map((r) => ({
      id: r.id, instance: { id: r.instance.id, name: r.instance.name, kind: r.instance.kind }, remoteId: r.remoteId,
      status: r.status === 'resolved' ? 'resolved' : 'open', category: r.category, excerpt: r.comment.slice(0, 280), targetAcct: r.target.acct,
      remoteCreatedAt: r.remoteCreatedAt.toISOString(),
    })),
    notes: row.notes.map((n) => ({ id: n.id, authorLabel: label(n.authorId, n.authorLabel), body: n.body, createdAt: n.createdAt.toISOString() })),
    timeline: events.filter((e) => e.instanceId === null || sees(e.instanceId)).map((e) => {
      const d = detailsSchema.safeParse(e.details);
      return { seq: e.seq.toString(), at: e.at.toISOString(), action: e.action, actorLabel: label(e.actorId, e.actorLabel), details: d.success ? d.data : {} };
    }),
    can: {
      edit,
      searchAgain: edit && row.state !== 'purged',
      resolveReports: edit && row.state === 'open' && reports.some((r) => r.status === 'open' && canRequestAction(ctx.actor, r.instanceId, 'report.resolve')),
    },
  };
}
