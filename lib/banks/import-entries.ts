import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, hasRole } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { signalType } from './bank-fields';
import { lockBankChanges } from './bank-changes';
import { insertEntries } from './insert-entries';
import { parseHashCsv, type RejectedLine } from './parse-hash-csv';
import { createRematchRun, startRematch } from './rematch';

export const importEntriesInput = z.object({
  bankId: z.uuid(),
  text: z.string(),
  /** The uploaded file's name, kept in each entry's provenance. */
  file: z.string().trim().max(300).default('upload.csv'),
  signal: signalType.optional(),
});

export interface ImportSummary {
  bankId: string;
  file: string;
  accepted: number;
  inserted: number;
  duplicates: number;
  rejected: number;
  rejectedLines: RejectedLine[];
  rematchRunId: string | null;
}

const CHUNK = 5000;

/**
 * Imports a `hash[,label]` list. One transaction: a list is in the bank completely, with its audit row and
 * change-feed rows, or not at all (a half-imported list is hard to reason about). Chunks keep each statement
 * under Postgres's bind-parameter limit; about 1M lines fit in the generous timeout.
 */
export async function importEntries({ ctx, input }: { ctx: Ctx; input: z.input<typeof importEntriesInput> }): Promise<ImportSummary> {
  assertAllowed(hasRole(ctx.actor, 'admin'), 'bank.import');
  const data = importEntriesInput.parse(input);
  const file = data.file.replace(/^.*[\\/]/, '') || 'upload.csv';
  const parsed = parseHashCsv(data.text, { signal: data.signal });
  const result = await db.$transaction(async (tx) => {
    await lockBankChanges(tx);
    const bank = await tx.hashBank.findUnique({ where: { id: data.bankId }, select: { id: true, name: true, enabled: true } });
    if (!bank) throw new AppError('not_found', 'bank not found');
    let inserted = 0;
    for (let i = 0; i < parsed.accepted.length; i += CHUNK) {
      const rows = parsed.accepted.slice(i, i + CHUNK).map((a) => ({ signalType: a.signalType, value: a.value, label: a.label, provenance: { source: 'import', file, line: a.line } }));
      inserted += (await insertEntries(tx, bank.id, rows)).length;
    }
    // A disabled bank is rematched when it is switched back on (update-bank), not now.
    const rematchRunId = inserted > 0 && bank.enabled ? await createRematchRun(tx, bank.id) : null;
    const counts = { accepted: parsed.accepted.length, inserted, duplicates: parsed.accepted.length - inserted, rejected: parsed.rejected.length };
    await recordEvent(tx, {
      actor: ctx.actor, action: 'bank.imported', targetType: 'bank', targetId: bank.id,
      details: { name: bank.name, file, signal: data.signal ?? 'auto', ...counts, rematchRunId },
    });
    return { ...counts, rematchRunId };
  }, { timeout: 15 * 60_000, maxWait: 60_000 });
  await startRematch(result.rematchRunId);
  return { bankId: data.bankId, file, ...result, rejectedLines: parsed.rejected };
}
