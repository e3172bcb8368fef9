import { db } from '@/lib/db';
import type { Signal } from './bank-fields';

export interface EntryCounts {
  /** Enabled entries per signal type. */
  entries: Record<Signal, number>;
  disabledEntries: number;
}

/** One GROUP BY for all the banks on a page (the (bankId, signalType, value) index serves it). */
export async function entryCounts(bankIds: string[]): Promise<Map<string, EntryCounts>> {
  const groups = await db.bankEntry.groupBy({ by: ['bankId', 'signalType', 'enabled'], where: { bankId: { in: bankIds } }, _count: { _all: true } });
  const out = new Map<string, EntryCounts>(bankIds.map((id) => [id, { entries: { pdq: 0, md5: 0, sha256: 0 }, disabledEntries: 0 }]));
  for (const g of groups) {
    const c = out.get(g.bankId);
    if (!c) continue;
    if (g.enabled) c.entries[g.signalType] += g._count._all;
    else c.disabledEntries += g._count._all;
  }
  return out;
}
