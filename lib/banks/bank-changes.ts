/**
 * The BankChange feed that every worker's in-memory matching index follows (lib/matching/sync-bank-index.ts).
 * Every bank or entry change appends here in the change's own transaction.
 */
import type { Tx } from '@/lib/db';

// Serializes bank-changing transactions from their start. seq values come from a sequence at insert, not at
// commit: without this, a long import could hold seq 5 uncommitted while seq 9 commits, and a follower that
// steps over old gaps would skip 5 for ever. Bank changes are rare admin/moderator actions, so waiting is cheap.
const BANK_CHANGE_LOCK = 72_451_905;

export async function lockBankChanges(tx: Tx): Promise<void> {
  await tx.$executeRawUnsafe(`select pg_advisory_xact_lock(${BANK_CHANGE_LOCK})`);
}

/** One statement for a whole chunk of ids (an import appends thousands at a time). */
export async function appendEntryChanges(tx: Tx, bankId: string, entryIds: bigint[], op: 'add' | 'remove'): Promise<void> {
  if (entryIds.length === 0) return;
  await tx.$executeRaw`
    insert into "BankChange" ("bankId", "entryId", "op")
    select ${bankId}::uuid, e.id, ${op} from unnest(${entryIds.map(String)}::text[]::bigint[]) with ordinality as e(id, n) order by e.n`;
}

/** A whole-bank change (enabled, severity, label, name): the index reloads the bank. */
export async function appendBankChange(tx: Tx, bankId: string): Promise<void> {
  await tx.bankChange.create({ data: { bankId, entryId: null, op: 'bank' } });
}
