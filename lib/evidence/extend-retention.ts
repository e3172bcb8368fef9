/** Admins move a seal's retention date later (never earlier: shortening retention is what expiry is for). */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { lockCaseRow } from '@/lib/cases/case-access';
import { AppError } from '@/lib/errors';
import { assertNotDestroyed } from './load-evidence';
import { loadForManage } from './manage-evidence';

/** Ten years past the legal minimum is a typo, not a decision. */
const MAX_YEARS = 20;

export async function extendRetention({ ctx, input }: { ctx: Ctx; input: { evidenceId: string; retainUntil: Date } }): Promise<{ retainUntil: string }> {
  const row = await loadForManage(ctx, input.evidenceId);
  const to = input.retainUntil;
  if (!(to instanceof Date) || Number.isNaN(to.getTime()) || to.getTime() > Date.now() + MAX_YEARS * 366 * 86_400_000) throw new AppError('bad_request', 'retention: invalid date', { userMessage: 'Give a valid date within the next 20 years.' });
  return db.$transaction(async (tx) => {
    await lockCaseRow(tx, row.caseId);
    const fresh = await tx.evidence.findUniqueOrThrow({ where: { id: row.id } });
    assertNotDestroyed(fresh);
    if (to.getTime() <= fresh.retainUntil.getTime()) throw new AppError('bad_request', 'retention: not later', { userMessage: `Retention can only be extended: pick a date after ${fresh.retainUntil.toISOString().slice(0, 10)}.` });
    await tx.evidence.update({ where: { id: row.id }, data: { retainUntil: to } });
    await recordEvent(tx, { actor: ctx.actor, action: 'evidence.retention_extended', targetType: 'case', targetId: row.caseId, details: { evidenceId: row.id, from: fresh.retainUntil.toISOString(), to: to.toISOString() } });
    return { retainUntil: to.toISOString() };
  });
}
