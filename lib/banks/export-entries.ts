/**
 * Exports a bank's enabled entries as `hash,label` lines (the import format, so a file round-trips).
 * Authorization and the bank.exported event happen before the first line, like the audit export: a streamed
 * response cannot turn into a 403 later, and the export must be on record before any hash leaves.
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { csvCell } from '@/lib/audit/csv';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, hasRole } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { signalType, type Signal } from './bank-fields';

export const exportEntriesInput = z.object({ bankId: z.uuid(), signal: signalType.optional() });

export interface BankExport extends AsyncIterable<string> {
  filename: string;
}

const PAGE = 5000;

// Moderators and up: viewers can page through a bank on screen, but a whole list in one file is a bigger thing
// to hand out (shared lists often come with terms of use).
export async function exportEntries({ ctx, input }: { ctx: Ctx; input: z.input<typeof exportEntriesInput> }): Promise<BankExport> {
  assertAllowed(hasRole(ctx.actor, 'moderator'), 'bank.export');
  const { bankId, signal } = exportEntriesInput.parse(input);
  const bank = await db.hashBank.findUnique({ where: { id: bankId }, select: { id: true, name: true } });
  if (!bank) throw new AppError('not_found', 'bank not found');
  await db.$transaction((tx) =>
    recordEvent(tx, { actor: ctx.actor, action: 'bank.exported', targetType: 'bank', targetId: bank.id, details: { name: bank.name, signal: signal ?? 'all' } }),
  );
  const slug = bank.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'bank';
  return { filename: `${slug}${signal ? `-${signal}` : ''}.csv`, [Symbol.asyncIterator]: () => exportLines(bank.id, signal) };
}

/** Keyset pages in id order, so memory stays flat however large the bank is. */
async function* exportLines(bankId: string, signal: Signal | undefined): AsyncGenerator<string> {
  let after: bigint | undefined;
  for (;;) {
    const rows = await db.bankEntry.findMany({
      where: { bankId, enabled: true, signalType: signal, id: after === undefined ? undefined : { gt: after } },
      orderBy: { id: 'asc' },
      take: PAGE,
      select: { id: true, value: true, label: true },
    });
    for (const r of rows) yield `${r.value},${csvCell(r.label)}`;
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1].id;
  }
}

/** Lines to newline-terminated chunks, a page at a time: one stream chunk per line would be needlessly slow. */
export async function* joinLines(lines: AsyncIterable<string>, perChunk = 1000): AsyncGenerator<string> {
  let batch: string[] = [];
  for await (const line of lines) {
    batch.push(line);
    if (batch.length >= perChunk) {
      yield `${batch.join('\n')}\n`;
      batch = [];
    }
  }
  if (batch.length) yield `${batch.join('\n')}\n`;
}
