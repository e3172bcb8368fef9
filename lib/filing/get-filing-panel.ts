/**
 * The case page's CyberTipline panel: every filing of the case (newest first; a retracted one stays listed),
 * whether settings say where and as whom to file, and whether this person may file. Filing while settings are
 * incomplete is refused by the verb; the panel still says "you may file" so the UI can show the button disabled
 * with the reason, instead of hiding what the feature is.
 */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { canEditCase, caseInstanceIds } from '@/lib/cases/case-access';
import { parseCaseId } from '@/lib/cases/case-id';
import { canFile } from '@/lib/filing/filing-access';
import { loadNcmecConnection } from '@/lib/filing/settings/ncmec-connection';
import { filingInclude, filingView } from './filing-view';
import { assertCaseVisible, seesWholeCase } from './prepare-filing';
import { staffLabeler } from '@/lib/team/staff-labeler';
import type { CaseFilingPanel } from './types';

export async function getCaseFilingPanel({ ctx, input }: { ctx: Ctx; input: { caseId: string } }): Promise<CaseFilingPanel> {
  const caseId = parseCaseId(input.caseId);
  await assertCaseVisible(ctx.actor, caseId);
  const rows = await db.filing.findMany({ where: { caseId }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], include: filingInclude });
  const label = await staffLabeler(ctx.actor, rows.map((r) => r.requestedById));
  const conn = await loadNcmecConnection();
  // Filing seals the evidence first, which needs the right to change the case.
  const mayFile = (await canFile(ctx.actor)) && (ctx.actor.type === 'system' || canEditCase(ctx.actor, await caseInstanceIds(db, caseId))) && (await seesWholeCase(ctx.actor, caseId));
  return { configured: conn !== null, environment: conn?.environment ?? null, filings: rows.map((r) => ({ ...filingView(r), requestedBy: label(r.requestedById, r.requestedByLabel) })), can: { file: mayFile } };
}
