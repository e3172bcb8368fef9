/** What an apply would send for the moderator's choice of instances and ops (pure: the dialog and tests share it). */
import { APPLY_OPS, type ApplyOp, type PreviewView } from '@/lib/blocklists/types';

export type PreviewInstance = PreviewView['instances'][number];

export interface PlannedInstance { instanceId: string; name: string; counts: Record<ApplyOp, number>; total: number }

export function sendableCount(inst: PreviewInstance, ops: readonly ApplyOp[] = APPLY_OPS): number {
  return inst.supported ? ops.reduce((n, op) => n + (inst.counts[op] ?? 0), 0) : 0;
}

/** Selected instances with at least one change in the selected ops, with their counts (complete even when truncated). */
export function plannedApply(preview: PreviewView, instanceIds: ReadonlySet<string>, ops: ReadonlySet<ApplyOp>): PlannedInstance[] {
  const chosen = APPLY_OPS.filter((op) => ops.has(op));
  return preview.instances
    .filter((i) => i.supported && instanceIds.has(i.instanceId))
    .map((i) => {
      const counts = Object.fromEntries(APPLY_OPS.map((op) => [op, chosen.includes(op) ? i.counts[op] ?? 0 : 0])) as Record<ApplyOp, number>;
      return { instanceId: i.instanceId, name: i.name, counts, total: sendableCount(i, chosen) };
    })
    .filter((p) => p.total > 0);
}

/** The sentence on a disabled Apply button: why nothing can be sent now. */
export function applyBlockedReason(preview: PreviewView, planned: PlannedInstance[], ops: ReadonlySet<ApplyOp>): string | null {
  if (!preview.canApply) return 'Applying needs federation access: an owner or admin can grant it on the Users page.';
  if (ops.size === 0) return 'Choose at least one kind of change.';
  if (planned.length === 0) return 'Nothing to send for the chosen instances and changes.';
  return null;
}
