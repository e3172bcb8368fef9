/** The case page's evidence panel: every seal (newest first), what no seal covers yet, and what the viewer may do. */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { hasRole } from '@/lib/auth/policy';
import { canEditCase, canSeeCase, caseInstanceIds } from '@/lib/cases/case-access';
import { AppError } from '@/lib/errors';
import { canOpenEvidence } from './evidence-access';
import type { EvidencePanel, EvidenceView } from './types';

export async function getEvidencePanel({ ctx, input }: { ctx: Ctx; input: { caseId: string } }): Promise<EvidencePanel> {
  const id = z.uuid().safeParse(input.caseId);
  const ids = id.success ? await caseInstanceIds(db, id.data) : [];
  if (!id.success || !canSeeCase(ctx.actor, ids) || !(await db.case.count({ where: { id: id.data } }))) throw new AppError('not_found', `case ${input.caseId} not found`);
  const rows = await db.evidence.findMany({ where: { caseId: id.data }, orderBy: { version: 'desc' } });
  const copies = await db.caseCopy.findMany({ where: { caseId: id.data }, select: { id: true } });
  const covered = new Set(rows.filter((r) => !r.destroyedAt).flatMap((r) => r.copyIds));
  return {
    seals: rows.map((r): EvidenceView => ({
      id: r.id, version: r.version, sealedAt: r.sealedAt.toISOString(), sealedByLabel: r.sealedByLabel, reason: r.reason,
      manifestSha256: r.manifestSha256, itemCount: r.itemCount, totalBytes: Number(r.totalBytes), retainUntil: r.retainUntil.toISOString(),
      legalHold: r.legalHold, holdReason: r.holdReason, destroyedAt: r.destroyedAt?.toISOString() ?? null, copyCount: r.copyIds.length,
    })),
    uncoveredCopies: copies.filter((c) => !covered.has(c.id)).length,
    can: { open: await canOpenEvidence(ctx.actor), seal: canEditCase(ctx.actor, ids), manage: hasRole(ctx.actor, 'admin') },
  };
}
