import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, hasRole } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { bankDescription, bankLabel, bankName, severity } from './bank-fields';
import { appendBankChange, lockBankChanges } from './bank-changes';
import { assertNameFree } from './bank-name';
import { createRematchRun, startRematch } from './rematch';

export const updateBankInput = z.object({
  name: bankName.optional(),
  description: bankDescription.optional(),
  label: bankLabel.optional(),
  severity: severity.optional(),
  enabled: z.boolean().optional(),
});

type Field = keyof z.infer<typeof updateBankInput>;
// What the matching index keeps of a bank (lib/matching/load-bank-index.ts); changing any of them is a 'bank'
// change in the feed. The description is for people only.
const INDEXED: Field[] = ['enabled', 'severity', 'label', 'name'];

/** The kind is fixed at creation: turning a match bank into an allow bank would silently invert its meaning. */
export async function updateBank({ ctx, input }: { ctx: Ctx; input: { id: string } & z.input<typeof updateBankInput> }) {
  assertAllowed(hasRole(ctx.actor, 'admin'), 'bank.update');
  const data = updateBankInput.parse(input);
  const { bank, runId } = await db.$transaction(async (tx) => {
    await lockBankChanges(tx);
    const current = await tx.hashBank.findUnique({ where: { id: input.id } });
    if (!current) throw new AppError('not_found', 'bank not found');
    if (current.kind === 'allow' && (data.label !== undefined || data.severity !== undefined)) {
      throw new AppError('bad_request', 'allow bank label/severity', { userMessage: 'Allow banks have no label or severity.' });
    }
    const changed = (Object.keys(data) as Field[]).filter((k) => data[k] !== undefined && data[k] !== current[k]);
    if (changed.length === 0) return { bank: current, runId: null };
    if (data.name !== undefined && changed.includes('name')) await assertNameFree(tx, data.name, current.id);
    const updated = await tx.hashBank.update({ where: { id: current.id }, data: Object.fromEntries(changed.map((k) => [k, data[k]])) });
    if (changed.some((k) => INDEXED.includes(k))) await appendBankChange(tx, current.id);
    // Media stored while the bank was off has never been matched against it.
    const run = !current.enabled && updated.enabled ? await createRematchRun(tx, current.id) : null;
    await recordEvent(tx, {
      actor: ctx.actor, action: 'bank.updated', targetType: 'bank', targetId: current.id,
      details: { name: updated.name, changed: Object.fromEntries(changed.map((k) => [k, { from: current[k], to: updated[k] }])), rematchRunId: run },
    });
    return { bank: updated, runId: run };
  }, { timeout: 60_000, maxWait: 60_000 });
  await startRematch(runId);
  return { bank, rematchRunId: runId };
}
