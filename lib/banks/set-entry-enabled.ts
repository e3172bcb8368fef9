import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, hasRole } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { appendEntryChanges, lockBankChanges } from './bank-changes';
import { createRematchRun, startRematch } from './rematch';

export const setEntryEnabledInput = z.object({ enabled: z.boolean() });

/**
 * Entries are disabled, not deleted: the entry keeps its provenance and past matches keep pointing at it.
 * Re-enabling is an 'add' for the index and, in an enabled bank, a rematch.
 */
export async function setEntryEnabled({ ctx, input }: { ctx: Ctx; input: { bankId: string; entryId: bigint; enabled: boolean } }) {
  assertAllowed(hasRole(ctx.actor, 'admin'), 'bank.entry.update');
  const { enabled } = setEntryEnabledInput.parse(input);
  const runId = await db.$transaction(async (tx) => {
    await lockBankChanges(tx);
    const entry = await tx.bankEntry.findFirst({
      where: { id: input.entryId, bankId: input.bankId },
      select: { id: true, enabled: true, signalType: true, value: true, bank: { select: { id: true, name: true, enabled: true } } },
    });
    if (!entry) throw new AppError('not_found', 'bank entry not found');
    if (entry.enabled === enabled) return null;
    await tx.bankEntry.update({ where: { id: entry.id }, data: { enabled } });
    await appendEntryChanges(tx, entry.bank.id, [entry.id], enabled ? 'add' : 'remove');
    const run = enabled && entry.bank.enabled ? await createRematchRun(tx, entry.bank.id) : null;
    await recordEvent(tx, {
      actor: ctx.actor, action: enabled ? 'bank.entry_enabled' : 'bank.entry_disabled', targetType: 'bank_entry', targetId: entry.id.toString(),
      details: { bankId: entry.bank.id, bank: entry.bank.name, signalType: entry.signalType, value: entry.value, rematchRunId: run },
    });
    return run;
  }, { timeout: 60_000, maxWait: 60_000 });
  await startRematch(runId);
  return { entryId: input.entryId.toString(), enabled, rematchRunId: runId };
}
