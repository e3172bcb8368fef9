/**
 * Files a case to CyberTipline, once. A live (not retracted) filing is returned as it is: never a second report
 * for one case. The one exception is a report CyberTipline rejected at submit (no report exists there): it is
 * rebuilt and queued again. The report is rebuilt here and must hash to what the person reviewed. The Filing row,
 * its files and the audit event are one transaction under the case row lock; the partial unique index
 * (Filing_one_live_per_case) settles a race between two processes, and the loser returns the winner's filing.
 */
import { z } from 'zod';
import { db, type Tx } from '@/lib/db';
import { actorId, actorLabel, type Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { lockCaseRow } from '@/lib/cases/case-access';
import { AppError } from '@/lib/errors';
import { assertCanFile } from '@/lib/filing/filing-access';
import { requireNcmecConnection } from '@/lib/filing/settings/ncmec-connection';
import { Prisma } from '@/lib/generated/prisma/client';
import { enqueueFilingRun } from '@/lib/jobs/enqueue';
import { logger } from '@/lib/log/logger';
import { filingInclude, filingView, type FilingRow } from './filing-view';
import { assertCaseVisible, assertSeesWholeCase, buildFilingPreview } from './prepare-filing';
import type { FilingPreview, FilingView } from './types';

const log = logger('filing');
const inputSchema = z.object({ caseId: z.uuid(), to: z.literal('ncmec'), reportSha256: z.string().regex(/^[0-9a-f]{64}$/) });

export async function fileCase({ ctx, input }: { ctx: Ctx; input: { caseId: string; to: 'ncmec'; reportSha256: string } }): Promise<{ filing: FilingView; created: boolean }> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) throw new AppError('bad_request', 'fileCase: invalid input', { userMessage: 'The filing request is not valid.' });
  const { caseId, to, reportSha256 } = parsed.data;
  await assertCanFile(ctx.actor);
  await assertCaseVisible(ctx.actor, caseId);
  await assertSeesWholeCase(ctx.actor, caseId);
  const live = await liveFiling(db, caseId, to);
  if (live && !rejectedAtSubmit(live)) return { filing: filingView(live), created: false };
  const preview = await buildFilingPreview(ctx, caseId, await requireNcmecConnection());
  if (preview.reportSha256 !== reportSha256) {
    throw new AppError('conflict', `case ${caseId}: report changed since review`, { userMessage: 'The report changed since you reviewed it: review it again' });
  }
  const outcome = await db.$transaction((tx) => write(tx, ctx, caseId, preview)).catch(async (e: unknown) => {
    if (!(e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002')) throw e;
    const winner = await liveFiling(db, caseId, to);
    if (!winner) throw e;
    return { id: winner.id, created: false, queued: false };
  });
  // If this fails the scheduler tick finds the filing (no lease, no problem) and queues it.
  if (outcome.queued) await enqueueFilingRun(outcome.id).catch((e: unknown) => log.warn('enqueue failed; the tick will retry', { filingId: outcome.id, error: String(e) }));
  const row = await db.filing.findUniqueOrThrow({ where: { id: outcome.id }, include: filingInclude });
  return { filing: filingView(row), created: outcome.created };
}

async function write(tx: Tx, ctx: Ctx, caseId: string, p: FilingPreview): Promise<{ id: string; created: boolean; queued: boolean }> {
  if ((await lockCaseRow(tx, caseId)) === null) throw new AppError('not_found', `case ${caseId} not found`);
  const current = await liveFiling(tx, caseId, p.to);
  const report = { environment: p.environment, baseUrl: p.baseUrl, evidenceId: p.evidenceId, incidentType: p.summary.incidentType, reportXml: p.reportXml, reportSha256: p.reportSha256 };
  const files = p.files.map((f) => ({ evidenceId: p.evidenceId, n: f.n, fileName: f.fileName, mime: f.mime, bytes: f.bytes, sha256: f.sha256, md5: f.md5, locationUrl: f.locationUrl }));
  const details = { to: p.to, environment: p.environment, reportSha256: p.reportSha256, files: files.length };
  if (current && !rejectedAtSubmit(current)) return { id: current.id, created: false, queued: false };
  if (current) {
    // Rejected at submit: CyberTipline holds no report, so the corrected one replaces it under the same filing.
    await tx.filingFile.deleteMany({ where: { filingId: current.id } });
    await tx.filing.update({ where: { id: current.id }, data: { ...report, problem: null, lastError: null, attempts: 0, nextAttemptAt: null, files: { create: files } } });
    await recordEvent(tx, { actor: ctx.actor, action: 'filing.resubmit_requested', targetType: 'case', targetId: caseId, details: { filingId: current.id, ...details } });
    return { id: current.id, created: false, queued: true };
  }
  const row = await tx.filing.create({
    data: { caseId, to: p.to, ...report, requestedById: actorId(ctx.actor), requestedByLabel: actorLabel(ctx.actor), files: { create: files } },
    select: { id: true },
  });
  await recordEvent(tx, { actor: ctx.actor, action: 'filing.requested', targetType: 'case', targetId: caseId, details: { filingId: row.id, ...details } });
  return { id: row.id, created: true, queued: true };
}

function liveFiling(tx: Tx | typeof db, caseId: string, to: string): Promise<FilingRow | null> {
  return tx.filing.findFirst({ where: { caseId, to, state: { not: 'retracted' } }, include: filingInclude });
}

function rejectedAtSubmit(f: { state: string; problem: string | null }): boolean {
  return f.state === 'pending' && f.problem === 'rejected';
}
