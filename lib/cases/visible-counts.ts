/**
 * Counts of copies, instances and reports limited to the instances an actor can see: a moderator limited to some
 * instances must not learn from a count what the other instances hold. Unlimited actors use the stored counts.
 */
import { db } from '@/lib/db';

export async function visibleCounts(caseIds: readonly string[], instanceIds: readonly string[]): Promise<Map<string, { copyCount: number; instanceCount: number; reportCount: number }>> {
  const out = new Map(caseIds.map((id) => [id, { copyCount: 0, instanceCount: 0, reportCount: 0 }]));
  if (caseIds.length === 0) return out;
  const copies = await db.caseCopy.groupBy({ by: ['caseId', 'instanceId'], where: { caseId: { in: [...caseIds] }, instanceId: { in: [...instanceIds] } }, _count: { _all: true } });
  for (const c of copies) {
    const o = out.get(c.caseId);
    if (o) { o.copyCount += c._count._all; o.instanceCount += 1; }
  }
  const reports = await db.caseReport.findMany({ where: { caseId: { in: [...caseIds] }, report: { instanceId: { in: [...instanceIds] } } }, select: { caseId: true } });
  for (const r of reports) {
    const o = out.get(r.caseId);
    if (o) o.reportCount += 1;
  }
  return out;
}
