/**
 * The item list of one seal, from its manifest: what "Open items…" shows before anything is opened. Names, kinds,
 * sizes and hashes only (no bytes, so no audit event: every byte goes through openEvidenceItem, which asks a reason
 * and is audited). Still behind the evidence permission: paths name the copies and the manifest repeats the reason.
 * (Written by helper B for the evidence panel; not in the issue-10 contract.)
 */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { canSeeCase, caseInstanceIds } from '@/lib/cases/case-access';
import { AppError } from '@/lib/errors';
import { assertCanOpenEvidence } from './evidence-access';
import { parseManifest } from './manifest-schema';
import type { ManifestItem } from './types';

export interface EvidenceItemList {
  evidenceId: string;
  version: number;
  destroyed: boolean;
  items: ManifestItem[];
}

export async function listEvidenceItems({ ctx, input }: { ctx: Ctx; input: { evidenceId: string } }): Promise<EvidenceItemList> {
  const row = await db.evidence.findUnique({ where: { id: input.evidenceId }, select: { id: true, caseId: true, version: true, manifest: true, destroyedAt: true } });
  // Invisible reads as absent, as for the case itself.
  if (!row || !canSeeCase(ctx.actor, await caseInstanceIds(db, row.caseId))) throw new AppError('not_found', `evidence ${input.evidenceId} not found`);
  await assertCanOpenEvidence(ctx.actor);
  const manifest = parseManifest(row.manifest);
  if (!manifest) throw new AppError('internal', `evidence ${row.id} manifest unreadable`);
  return { evidenceId: row.id, version: row.version, destroyed: row.destroyedAt !== null, items: manifest.items };
}
