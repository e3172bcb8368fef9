/**
 * Keeps a case's counts (copies, distinct instances of copies, linked reports) in step with its rows, inside the
 * transaction that changed them, so the cases list needs no aggregate per row.
 */
import type { Tx } from '@/lib/db';

export async function recountCase(tx: Tx, caseId: string): Promise<void> {
  // Sequential: an interactive transaction holds one connection.
  const copies = await tx.caseCopy.count({ where: { caseId } });
  const instances = await tx.caseCopy.groupBy({ by: ['instanceId'], where: { caseId } });
  const reports = await tx.caseReport.count({ where: { caseId } });
  await tx.case.update({ where: { id: caseId }, data: { copyCount: copies, instanceCount: instances.length, reportCount: reports } });
}
