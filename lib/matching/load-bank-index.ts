/**
 * Filling the bank index from the database: the full load at worker start, and the one-bank reload the change
 * feed asks for. Both page through BankEntry by id (keyset, 10k rows), so memory stays flat however big the
 * banks are and no query holds a long snapshot.
 */
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { logger } from '@/lib/log/logger';
import { BankIndex } from './bank-index';
import { ChangeCursor } from './change-cursor';
import { indexHolder, serialize } from './index-holder';

const PAGE = 10_000;
const log = logger('matching');
export const BANK_INFO_SELECT = { id: true, name: true, kind: true, label: true, severity: true, enabled: true } as const;

/** Replaces this process's index with a fresh full load. */
export function loadBankIndex(): Promise<BankIndex> {
  return serialize(loadUnlocked);
}

/** The load itself; callers hold the index lock. */
export async function loadUnlocked(): Promise<BankIndex> {
  const started = Date.now();
  // Read first: changes committed while the pages load are after it, so the first sync re-applies them (harmless).
  const top = await db.bankChange.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true } });
  const banks = await db.hashBank.findMany({ select: BANK_INFO_SELECT });
  const bankId = { in: banks.filter((b) => b.enabled).map((b) => b.id) };
  const expected = await db.bankEntry.count({ where: { enabled: true, bankId, signalType: 'pdq' } });
  const index = new BankIndex(expected);
  for (const b of banks) index.setBank(b);
  const malformed = await pageEntries({ enabled: true, bankId }, index);
  const h = indexHolder();
  h.index = index;
  h.cursor = new ChangeCursor(top?.seq ?? BigInt(0));
  h.loads++;
  log.info('bank index loaded', { ...index.stats(), ms: Date.now() - started, malformed });
  return index;
}

/** Brings one bank up to date: metadata, entries added or re-enabled, entries gone or disabled. */
export async function reloadBank(index: BankIndex, bankId: string): Promise<void> {
  const bank = await db.hashBank.findUnique({ where: { id: bankId }, select: BANK_INFO_SELECT });
  if (!bank || !bank.enabled) {
    index.removeBankEntries(bankId);
    if (bank) index.setBank(bank);
    return;
  }
  index.setBank(bank);
  index.beginBankReload(bankId);
  await pageEntries({ bankId, enabled: true }, index);
  index.finishBankReload(bankId);
}

/** Upserts every matching entry into the index; returns how many were malformed (and skipped). */
async function pageEntries(where: Prisma.BankEntryWhereInput, index: BankIndex): Promise<number> {
  let after: bigint | null = null;
  let malformed = 0;
  for (;;) {
    const page: { id: bigint; bankId: string; signalType: 'pdq' | 'md5' | 'sha256'; value: string }[] = await db.bankEntry.findMany({
      where: after === null ? where : { AND: [where, { id: { gt: after } }] },
      orderBy: { id: 'asc' },
      take: PAGE,
      select: { id: true, bankId: true, signalType: true, value: true },
    });
    for (const e of page) {
      if (!index.upsertEntry({ id: Number(e.id), bankId: e.bankId, signalType: e.signalType, value: e.value })) malformed++;
    }
    if (page.length < PAGE) return malformed;
    after = page[page.length - 1].id;
  }
}
