/**
 * Keeps the case's purge counts (copies whose latest receipt is removed or accepted, copies still served) in step
 * with CaseCopy.receiptVerdict, inside the transaction that wrote the receipts, so the list needs no aggregate.
 */
import type { Tx } from '@/lib/db';

export async function recountReceipts(tx: Tx, caseId: string): Promise<{ removed: number; stillServed: number; copies: number }> {
  // Sequential: an interactive transaction holds one connection.
  const removed = await tx.caseCopy.count({ where: { caseId, receiptVerdict: { in: ['removed', 'accepted'] } } });
  const stillServed = await tx.caseCopy.count({ where: { caseId, receiptVerdict: 'still_served' } });
  const copies = await tx.caseCopy.count({ where: { caseId } });
  await tx.case.update({ where: { id: caseId }, data: { removedCount: removed, stillServedCount: stillServed } });
  return { removed, stillServed, copies };
}
