/** The open escalation of each subject, keyed by subjectKey: one query for a whole queue page. */
import { db } from '@/lib/db';

export async function openEscalationsFor(subjectType: 'report' | 'account' | 'domain' | 'case', keys: string[]): Promise<Map<string, { reason: string; raisedBy: string }>> {
  if (keys.length === 0) return new Map();
  const rows = await db.escalation.findMany({
    where: { subjectType, subjectKey: { in: [...new Set(keys)] }, resolvedAt: null },
    select: { subjectKey: true, reason: true, raisedByLabel: true },
  });
  return new Map(rows.map((r) => [r.subjectKey, { reason: r.reason, raisedBy: r.raisedByLabel }]));
}
