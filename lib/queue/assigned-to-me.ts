/**
 * "Assigned to me" without a mapping from our users to remote accounts: a report is mine when the latest
 * non-failed assignment action on it (assign_to_self or unassign, by anyone) is my assign_to_self. So a later
 * unassign, or a colleague assigning it to themselves, takes it off my list. Assignments made directly on the
 * remote server are not attributed to anyone here; they show under "assigned".
 * Two small queries over the Action outbox, whose size is bounded by what moderators clicked, not by reports.
 */
import { db } from '@/lib/db';

const ASSIGN = 'report.assign_to_self';
const UNASSIGN = 'report.unassign';

export async function reportIdsAssignedTo(userId: string): Promise<string[]> {
  const mine = await db.action.findMany({
    where: { requestedById: userId, kind: ASSIGN, status: { in: ['pending', 'running', 'done'] }, reportId: { not: null } },
    select: { reportId: true },
    distinct: ['reportId'],
  });
  const ids = mine.map((a) => a.reportId).filter((id): id is string => id !== null);
  if (ids.length === 0) return [];
  const history = await db.action.findMany({
    where: { reportId: { in: ids }, kind: { in: [ASSIGN, UNASSIGN] }, status: { notIn: ['failed', 'cancelled'] } },
    select: { reportId: true, kind: true, requestedById: true },
    orderBy: [{ reportId: 'asc' }, { createdAt: 'desc' }, { id: 'desc' }],
  });
  const seen = new Set<string>();
  const out: string[] = [];
  for (const a of history) {
    if (!a.reportId || seen.has(a.reportId)) continue;
    seen.add(a.reportId);
    if (a.kind === ASSIGN && a.requestedById === userId) out.push(a.reportId);
  }
  return out;
}
