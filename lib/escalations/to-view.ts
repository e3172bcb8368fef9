import type { Escalation } from '@/lib/generated/prisma/client';
import { subjectHref } from '@/lib/notes/subject';
import type { EscalationView } from '@/lib/notes/types';
import type { StaffLabeler } from '@/lib/team/staff-labeler';

/** `label` names who raised and settled it as this viewer sees colleagues (pseudonyms where the team shows them). */
export function escalationView(e: Escalation, assigneeLabel: string | null = null, label?: StaffLabeler): EscalationView {
  const named = (id: string | null, stored: string | null) => (stored !== null && label ? label(id, stored) : stored);
  return {
    id: e.id, subjectType: e.subjectType, subjectKey: e.subjectKey, href: subjectHref(e.subjectType, e.subjectKey),
    reason: e.reason, raisedByLabel: named(e.raisedById, e.raisedByLabel) ?? e.raisedByLabel, assigneeId: e.assigneeId, assigneeLabel,
    createdAt: e.createdAt.toISOString(), resolvedAt: e.resolvedAt?.toISOString() ?? null,
    resolvedByLabel: named(e.resolvedById, e.resolvedByLabel), resolution: e.resolution,
  };
}
