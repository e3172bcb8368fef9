import type { Tx } from '@/lib/db';
import type { Signal } from './bank-fields';
import { appendEntryChanges } from './bank-changes';

export interface NewEntry {
  signalType: Signal;
  value: string;
  label: string | null;
  provenance: Record<string, unknown>;
}

export interface InsertedEntry { id: bigint; signalType: Signal; value: string }

/**
 * Inserts entries the bank does not hold yet and appends an 'add' change for each row really inserted.
 * ON CONFLICT DO NOTHING ... RETURNING yields exactly the new rows, so a value that is already there (or that
 * another transaction just inserted) counts as a duplicate and is never announced twice to the index.
 *
 * Raw SQL with one array parameter per column, not createMany: measured on 5,000-row chunks, Prisma's
 * createMany(AndReturn) took about 1.4 s against 0.18 s for this (a 1M-line import: ~7 min against ~1 min,
 * all of it inside one transaction that holds the bank-change lock).
 */
export async function insertEntries(tx: Tx, bankId: string, rows: NewEntry[]): Promise<InsertedEntry[]> {
  if (rows.length === 0) return [];
  const inserted = await tx.$queryRaw<{ id: bigint; signalType: Signal; value: string }[]>`
    insert into "BankEntry" ("bankId", "signalType", "value", "label", "provenance", "updatedAt")
    select ${bankId}::uuid, t.signal::"SignalType", t.value, t.label, t.provenance::jsonb, now()
    from unnest(${rows.map((r) => r.signalType)}::text[], ${rows.map((r) => r.value)}::text[],
                ${rows.map((r) => r.label)}::text[], ${rows.map((r) => JSON.stringify(r.provenance))}::text[])
      as t(signal, value, label, provenance)
    on conflict ("bankId", "signalType", "value") do nothing
    returning "id", "signalType"::text as "signalType", "value"`;
  await appendEntryChanges(tx, bankId, inserted.map((e) => e.id), 'add');
  return inserted;
}
