/** A Case row as the list (and the detail page's header) shows it: JSON-safe view model. */
import type { Prisma } from '@/lib/generated/prisma/client';
import type { StaffLabeler } from '@/lib/team/staff-labeler';
import type { CaseListItem, CaseOpenedVia, CaseState } from './types';

export const CASE_LIST_SELECT = {
  id: true, number: true, title: true, state: true, severity: true, label: true, copyCount: true, instanceCount: true, reportCount: true,
  primaryMediaId: true, openedVia: true, removedCount: true, stillServedCount: true, sealedAt: true, createdAt: true, updatedAt: true, assignee: { select: { id: true, email: true } },
} as const satisfies Prisma.CaseSelect;

export type CaseListRow = Prisma.CaseGetPayload<{ select: typeof CASE_LIST_SELECT }>;

const VIA: readonly CaseOpenedVia[] = ['report', 'media', 'auto', 'cli'];

export function toCaseListItem(r: CaseListRow, counts?: { copyCount: number; instanceCount: number; reportCount: number }, label?: StaffLabeler): CaseListItem {
  const a = r.assignee;
  return {
    id: r.id, number: r.number, title: r.title, state: r.state as CaseState, severity: r.severity, label: r.label,
    copyCount: counts?.copyCount ?? r.copyCount, instanceCount: counts?.instanceCount ?? r.instanceCount, reportCount: counts?.reportCount ?? r.reportCount,
    primaryMediaId: r.primaryMediaId,
    assignee: a ? { id: a.id, email: label?.hidesEmail ? '' : a.email, label: label ? label(a.id, a.email) : a.email } : null,
    openedVia: VIA.find((v) => v === r.openedVia) ?? 'media',
    removedCount: r.removedCount, stillServedCount: r.stillServedCount, sealedAt: r.sealedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
  };
}
