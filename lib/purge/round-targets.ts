/**
 * What one receipt round checks on its instance: the copies the run targeted there (the confirmed plan's, and
 * every step's), or, for an instance the plan could not check at all, why not. The plan is stored JSON: parsed,
 * with only the fields read here required.
 */
import { z } from 'zod';
import { db } from '@/lib/db';

const planShape = z.object({
  instances: z.array(z.object({ instance: z.object({ id: z.string() }), copyIds: z.array(z.string()).default([]) })).default([]),
  unchecked: z.array(z.object({ instance: z.object({ id: z.string() }), reason: z.string() })).default([]),
});

export interface RoundTargets {
  copyIds: string[];
  /** Set when the run has no copy here and the plan listed the instance as one that could not be checked. */
  uncheckedReason: string | null;
}

export function planTargets(plan: unknown, instanceId: string): RoundTargets {
  const parsed = planShape.safeParse(plan);
  if (!parsed.success) return { copyIds: [], uncheckedReason: null };
  const copyIds = parsed.data.instances.filter((i) => i.instance.id === instanceId).flatMap((i) => i.copyIds);
  const unchecked = parsed.data.unchecked.find((u) => u.instance.id === instanceId);
  return { copyIds, uncheckedReason: unchecked?.reason ?? null };
}

export async function roundTargets(runId: string, instanceId: string): Promise<RoundTargets> {
  const run = await db.purgeRun.findUnique({ where: { id: runId }, select: { plan: true } });
  const fromPlan = planTargets(run?.plan ?? null, instanceId);
  const steps = await db.purgeStep.findMany({ where: { runId, instanceId }, select: { copyIds: true } });
  const copyIds = [...new Set([...fromPlan.copyIds, ...steps.flatMap((s) => s.copyIds)])];
  return { copyIds, uncheckedReason: copyIds.length === 0 ? fromPlan.uncheckedReason : null };
}
