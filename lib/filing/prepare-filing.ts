/**
 * What a CyberTipline report of a case would send, exactly: the XML, its SHA-256 and the sealed files. The person
 * confirms this preview; fileCase rebuilds it and refuses when the SHA-256 differs, so nothing is filed that was
 * not reviewed. Sealing happens here (before the confirmation) so the files shown are the files uploaded.
 */
import { db } from '@/lib/db';
import type { Actor, Ctx } from '@/lib/audit/actor';
import { canSeeCase, caseInstanceIds } from '@/lib/cases/case-access';
import { parseCaseId } from '@/lib/cases/case-id';
import { visibleInstanceIds } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { sha256Hex } from '@/lib/evidence/canonical-json';
import { assertCanFile } from '@/lib/filing/filing-access';
import { requireNcmecConnection, type NcmecConnection } from '@/lib/filing/settings/ncmec-connection';
import { ncmecReporterFor } from '@/lib/team/ncmec-reporter';
import { buildReportInput } from './build-report-input';
import { loadFilingCase } from './load-filing-case';
import { buildReportXml } from './ncmec/report-xml';
import { readFilingFiles } from './read-filing-files';
import type { FilingPreview } from './types';

export async function prepareFiling({ ctx, input }: { ctx: Ctx; input: { caseId: string } }): Promise<FilingPreview> {
  const caseId = parseCaseId(input.caseId);
  await assertCanFile(ctx.actor);
  await assertCaseVisible(ctx.actor, caseId);
  await assertSeesWholeCase(ctx.actor, caseId);
  return buildFilingPreview(ctx, caseId, await requireNcmecConnection());
}

/** A case the actor cannot see reads as absent (a limited moderator learns nothing about other cases). */
export async function assertCaseVisible(actor: Actor, caseId: string): Promise<void> {
  const ids = await caseInstanceIds(db, caseId);
  if (!canSeeCase(actor, ids) || !(await db.case.count({ where: { id: caseId } }))) throw new AppError('not_found', `case ${caseId} not found`);
}

/**
 * One report covers every copy on every instance, so the person filing must see them all: a moderator limited to
 * some instances would otherwise read (and send) URLs and files of instances hidden from them.
 */
export async function seesWholeCase(actor: Actor, caseId: string): Promise<boolean> {
  const seen = visibleInstanceIds(actor);
  return seen === null || (await caseInstanceIds(db, caseId)).every((id) => seen.includes(id));
}

export async function assertSeesWholeCase(actor: Actor, caseId: string): Promise<void> {
  if (!(await seesWholeCase(actor, caseId))) {
    throw new AppError('forbidden', `case ${caseId}: filing needs every instance of the case`, { userMessage: 'This case has copies on instances you cannot see; someone who sees all of them files it.' });
  }
}

/** Seals if needed, then builds the report from the case as it is now (callers have checked the actor). */
export async function buildFilingPreview(ctx: Ctx, caseId: string, conn: NcmecConnection): Promise<FilingPreview> {
  const { evidenceId, sealedNow, files } = await readFilingFiles({ ctx, input: { caseId } });
  const report = buildReportInput(await loadFilingCase(caseId), conn, await ncmecReporterFor(ctx.actor));
  const reportXml = buildReportXml(report);
  return {
    to: 'ncmec', environment: conn.environment, baseUrl: conn.baseUrl, evidenceId, sealedNow, reportXml,
    reportSha256: sha256Hex(Buffer.from(reportXml, 'utf8')),
    summary: {
      incidentType: report.incidentType,
      incidentDateTime: report.incidentDateTime.toISOString(),
      urls: report.urls,
      reporter: { name: `${report.reporter.firstName} ${report.reporter.lastName}`, email: report.reporter.email },
      reported: { espService: report.reported?.espService ?? null, screenName: report.reported?.screenName ?? null, profileUrls: report.reported?.profileUrls ?? [] },
      additionalInfo: report.additionalInfo ?? '',
    },
    files,
  };
}
