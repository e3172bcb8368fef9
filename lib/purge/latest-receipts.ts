/**
 * The latest receipt of each copy of a case (by copy id), for `cases show --json` and the case page. Internal:
 * callers have already checked that the actor may see the case.
 */
import { db } from '@/lib/db';
import { latestPerCopy, receiptView } from './receipt-view';
import type { ReceiptView } from './types';

export async function latestReceipts(caseId: string): Promise<Map<string, ReceiptView>> {
  const rows = await db.purgeReceipt.findMany({
    where: { caseId, copyId: { not: null } },
    orderBy: [{ checkedAt: 'desc' }, { id: 'asc' }],
  });
  const out = new Map<string, ReceiptView>();
  for (const r of latestPerCopy(rows)) if (r.copyId) out.set(r.copyId, receiptView(r));
  return out;
}
