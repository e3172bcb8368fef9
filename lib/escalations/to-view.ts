import type { Escalation } from '@/lib/generated/prisma/client';
import { subjectHref } from '@/lib/notes/subject';
import type { EscalationView } from '@/lib/notes/types';

export function escalationView(e: Escalation, assigneeLabel: string | null = null): EscalationView {
  return {
    id: e.id, subjectType: e.subjectType, subjectKey: e.subjectKey, href: subjectHref(e.subjectType, e.subjectKey),
    reason: e.reason, raisedByLabel: e.raisedByLabel, assigneeId: e.assigneeId, assigneeLabel,
    createdAt: e.createdAt.toISOString(), resolvedAt: e.resolvedAt?.toISOString() ?? null,
    resolvedByLabel: e.resolvedByLabel, resolution: e.resolution,
  };
}
