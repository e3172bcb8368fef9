/** Edits a case's title, severity and label (what the moderator judges it to be). Audited with the fields changed. */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { BANK_LABELS } from '@/lib/banks/bank-fields';
import { AppError } from '@/lib/errors';
import { loadCaseForChange } from './case-access';
import { parseCaseId } from './case-id';

export const updateCaseInput = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  severity: z.number().int().min(0).max(5).optional(),
  label: z.enum(BANK_LABELS).nullable().optional(),
});
export interface UpdateCaseInput { caseId: string; title?: string; severity?: number; label?: string | null }

export async function updateCase({ ctx, input }: { ctx: Ctx; input: UpdateCaseInput }): Promise<void> {
  const caseId = parseCaseId(input.caseId);
  const parsed = updateCaseInput.safeParse({ title: input.title, severity: input.severity, label: input.label });
  if (!parsed.success) throw new AppError('bad_request', `invalid case update: ${parsed.error.message}`, { userMessage: 'Check the title, severity (0-5) and label.' });
  await db.$transaction(async (tx) => {
    const { row } = await loadCaseForChange(tx, ctx.actor, caseId);
    const fields: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of ['title', 'severity', 'label'] as const) {
      const to = parsed.data[key];
      if (to !== undefined && to !== row[key]) fields[key] = { from: row[key], to };
    }
    if (Object.keys(fields).length === 0) return;
    await tx.case.update({ where: { id: caseId }, data: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.to])) });
    await recordEvent(tx, { actor: ctx.actor, action: 'case.updated', targetType: 'case', targetId: caseId, details: { fields } });
  });
}
