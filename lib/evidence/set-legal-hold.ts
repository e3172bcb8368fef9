/** Admins place or lift a legal hold: a held seal is never destroyed by expiry, whatever its date. Reason required. */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { lockCaseRow } from '@/lib/cases/case-access';
import { AppError } from '@/lib/errors';
import { evidenceReason } from './evidence-access';
import { assertNotDestroyed } from './load-evidence';
import { loadForManage } from './manage-evidence';

export async function setLegalHold({ ctx, input }: { ctx: Ctx; input: { evidenceId: string; hold: boolean; reason: string } }): Promise<{ legalHold: boolean }> {
  const row = await loadForManage(ctx, input.evidenceId);
  const reason = evidenceReason(input.reason);
  return db.$transaction(async (tx) => {
    // The expiry job locks the same row before destroying: a hold set here is seen by it, or it ran first.
    await lockCaseRow(tx, row.caseId);
    const fresh = await tx.evidence.findUniqueOrThrow({ where: { id: row.id } });
    assertNotDestroyed(fresh);
    if (fresh.legalHold === input.hold) throw new AppError('conflict', 'legal hold unchanged', { userMessage: input.hold ? 'This seal is already on legal hold.' : 'This seal is not on legal hold.' });
    await tx.evidence.update({ where: { id: row.id }, data: { legalHold: input.hold, holdReason: input.hold ? reason : null } });
    await recordEvent(tx, { actor: ctx.actor, action: input.hold ? 'evidence.hold_set' : 'evidence.hold_lifted', targetType: 'case', targetId: row.caseId, details: { evidenceId: row.id, reason } });
    return { legalHold: input.hold };
  });
}
