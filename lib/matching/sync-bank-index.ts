/**
 * Follows the BankChange feed into this process's index, without a full rebuild. Changes are applied by state,
 * not by replaying the op: for an entry change the entry's current row decides (enabled in an enabled bank: in the
 * index; otherwise: out), for a bank change the whole bank is reloaded. So order, duplicates and re-reads are all
 * harmless. With nothing new it costs one indexed query, cheap enough to run before every match.
 */
import { db } from '@/lib/db';
import { logger } from '@/lib/log/logger';
import type { BankIndex } from './bank-index';
import { indexHolder, serialize } from './index-holder';
import { BANK_INFO_SELECT, loadUnlocked, reloadBank } from './load-bank-index';

const PAGE = 1_000;
const log = logger('matching');

export interface SyncOutcome { index: BankIndex; applied: number; loaded: boolean }

/** Loads the index if this process has none yet, else applies the changes since the last sync. */
export function syncBankIndex(): Promise<SyncOutcome> {
  return serialize(async () => {
    const h = indexHolder();
    if (!h.index) return { index: await loadUnlocked(), applied: 0, loaded: true };
    return { index: h.index, applied: await applyNewChanges(h.index), loaded: false };
  });
}

/** The worker's 5-second follow loop; returns a stop function. */
export function startBankIndexFollower(intervalMs = 5_000): () => void {
  const timer = setInterval(() => {
    syncBankIndex().catch((e) => log.warn('bank index sync failed', { error: e instanceof Error ? e.message : String(e) }));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

async function applyNewChanges(index: BankIndex): Promise<number> {
  const { cursor } = indexHolder();
  let after = cursor.watermark;
  let applied = 0;
  for (;;) {
    const rows = await db.bankChange.findMany({ where: { seq: { gt: after } }, orderBy: { seq: 'asc' }, take: PAGE });
    const fresh = rows.filter((r) => !cursor.isApplied(r.seq));
    if (fresh.length > 0) await applyChanges(index, fresh);
    const now = Date.now();
    for (const r of fresh) cursor.markApplied(r.seq, now);
    applied += fresh.length;
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1].seq;
  }
  cursor.advance(Date.now());
  return applied;
}

async function applyChanges(index: BankIndex, changes: { bankId: string; entryId: bigint | null; op: string }[]): Promise<void> {
  const reloaded = new Set(changes.filter((c) => c.op === 'bank' || c.entryId === null).map((c) => c.bankId));
  for (const bankId of reloaded) await reloadBank(index, bankId);
  const entryIds = [...new Set(changes.flatMap((c) => (c.entryId !== null && !reloaded.has(c.bankId) ? [c.entryId] : [])))];
  for (let i = 0; i < entryIds.length; i += PAGE) {
    const ids = entryIds.slice(i, i + PAGE);
    const rows = await db.bankEntry.findMany({
      where: { id: { in: ids } },
      select: { id: true, bankId: true, signalType: true, value: true, enabled: true, bank: { select: BANK_INFO_SELECT } },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of ids) {
      const row = byId.get(id);
      if (row) index.setBank(row.bank);
      if (row && row.enabled && row.bank.enabled) {
        index.upsertEntry({ id: Number(row.id), bankId: row.bankId, signalType: row.signalType, value: row.value });
      } else {
        index.removeEntry(Number(id));
      }
    }
  }
}
