/**
 * A case's purge run (the latest, or the one asked for) as the case page shows it: per instance the chosen option,
 * its steps with their outbox rows, the phase, and the latest receipt per copy; the instance-level receipts of
 * instances that could not be checked; and the case-wide counts of latest verdicts.
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { canSeeInstance } from '@/lib/auth/policy';
import { caseInstanceIds, canSeeCase } from '@/lib/cases/case-access';
import { parseCaseId } from '@/lib/cases/case-id';
import { AppError } from '@/lib/errors';
import { staffLabeler } from '@/lib/team/staff-labeler';
import { instancePhase } from './purge-phase';
import { latestPerCopy, receiptView } from './receipt-view';
import type { PurgeInstanceProgress, PurgeRunView, PurgeStepView } from './types';

// The stored plan (PurgeRunPlan): only what this view reads. The chosen option is the run's (`choices`).
const planInstance = z.object({
  instance: z.object({ id: z.string() }),
  defaultOptionId: z.string().nullable().optional(),
  options: z.array(z.object({ id: z.string(), label: z.string(), steps: z.array(z.object({ kind: z.string(), label: z.string() })).catch([]).default([]) })).catch([]).default([]),
});
const planShape = z.object({
  instances: z.array(z.unknown()).catch([]).default([]),
  choices: z.array(z.object({ instanceId: z.string(), optionId: z.string() })).catch([]).default([]),
  unchecked: z.array(z.object({ instance: z.object({ id: z.string() }) })).catch([]).default([]),
});

/** Instances the plan could not check at all: shown by their instance-level receipt, not as progress rows. */
function uncheckedInstances(plan: unknown): Set<string> {
  return new Set(planShape.safeParse(plan).data?.unchecked.map((u) => u.instance.id) ?? []);
}

interface Chosen { id: string; label: string; steps: { kind: string; label: string }[] }

function chosenOptions(plan: unknown): Map<string, Chosen> {
  const out = new Map<string, Chosen>();
  const parsed = planShape.safeParse(plan);
  for (const raw of parsed.success ? parsed.data.instances : []) {
    const p = planInstance.safeParse(raw);
    if (!p.success) continue;
    const id = parsed.data?.choices.find((c) => c.instanceId === p.data.instance.id)?.optionId ?? p.data.defaultOptionId ?? '';
    const option = p.data.options.find((o) => o.id === id);
    out.set(p.data.instance.id, { id, label: option?.label ?? id, steps: option?.steps ?? [] });
  }
  return out;
}

export async function getPurgeRun({ ctx, input }: { ctx: Ctx; input: { caseId: string; runId?: string } }): Promise<PurgeRunView | null> {
  const caseId = parseCaseId(input.caseId);
  if (!(await db.case.findUnique({ where: { id: caseId }, select: { id: true } }))) throw new AppError('not_found', `case ${caseId} not found`);
  if (!canSeeCase(ctx.actor, await caseInstanceIds(db, caseId))) throw new AppError('not_found', `case ${caseId} not visible`);
  const runId = input.runId === undefined ? undefined : z.uuid().safeParse(input.runId).data;
  if (input.runId !== undefined && !runId) return null;
  const run = await db.purgeRun.findFirst({ where: { caseId, ...(runId ? { id: runId } : {}) }, orderBy: { createdAt: 'desc' } });
  if (!run) return null;

  const sees = (instanceId: string) => canSeeInstance(ctx.actor, instanceId);
  const steps = (await db.purgeStep.findMany({ where: { runId: run.id }, orderBy: [{ instanceId: 'asc' }, { position: 'asc' }] })).filter((s) => sees(s.instanceId));
  const actions = await db.action.findMany({ where: { purgeStepId: { in: steps.map((s) => s.id) } }, select: { purgeStepId: true, attempts: true, lastError: true } });
  const checks = (await db.purgeCheck.findMany({ where: { runId: run.id }, select: { instanceId: true, round: true, status: true } })).filter((c) => sees(c.instanceId));
  // This run's receipts, and any written since it started (a copy accepted as is after the run ended).
  // Newest first: the view shows each copy's latest receipt and keeps the earlier re-checks under it.
  const allReceipts = (await db.purgeReceipt.findMany({
    where: { caseId, OR: [{ runId: run.id }, { checkedAt: { gte: run.createdAt } }] },
    orderBy: [{ checkedAt: 'desc' }, { id: 'asc' }],
  })).filter((r) => sees(r.instanceId));
  const receipts = latestPerCopy(allReceipts);
  const instanceIds = [...new Set([...steps.map((s) => s.instanceId), ...checks.map((c) => c.instanceId)])];
  const instances = await db.instance.findMany({ where: { id: { in: instanceIds } }, select: { id: true, name: true, kind: true } });
  const options = chosenOptions(run.plan);

  const stepView = (s: (typeof steps)[number], i: number, planned: Chosen['steps']): PurgeStepView => {
    const a = actions.find((x) => x.purgeStepId === s.id);
    const label = planned[i]?.kind === s.kind ? planned[i].label : s.kind;
    return {
      id: s.id, instanceId: s.instanceId, position: s.position, // Our own column, written from a PlannedStep's kind.
      kind: s.kind as PurgeStepView['kind'], label, state: s.state,
      needsAdmin: s.needsAdmin, approvedAt: s.approvedAt?.toISOString() ?? null, detail: s.detail, attempts: a?.attempts ?? 0, lastError: a?.lastError ?? null,
    };
  };
  const uncheckedIds = uncheckedInstances(run.plan);
  const progress: PurgeInstanceProgress[] = instances
    .filter((i) => steps.some((s) => s.instanceId === i.id) || !uncheckedIds.has(i.id))
    .map((instance) => {
      const mine = steps.filter((s) => s.instanceId === instance.id);
      const got = receipts.filter((r) => r.instanceId === instance.id);
      const option = options.get(instance.id) ?? { id: '', label: '', steps: [] };
      return {
        instance, optionId: option.id, optionLabel: option.label, steps: mine.map((s, i) => stepView(s, i, option.steps)),
        phase: instancePhase(mine, checks.filter((c) => c.instanceId === instance.id), got),
        receipts: allReceipts.filter((r) => r.instanceId === instance.id).map(receiptView),
      };
    })
    .sort((a, b) => a.instance.name.localeCompare(b.instance.name));

  const copies = (await db.caseCopy.findMany({ where: { caseId }, select: { instanceId: true, receiptVerdict: true } })).filter((c) => sees(c.instanceId));
  const count = (v: string | null) => copies.filter((c) => c.receiptVerdict === v).length;
  return {
    id: run.id, state: run.state === 'done' ? 'done' : 'running', createdAt: run.createdAt.toISOString(), finishedAt: run.finishedAt?.toISOString() ?? null,
    requestedByLabel: (await staffLabeler(ctx.actor, [run.requestedById]))(run.requestedById, run.requestedByLabel), evidenceId: run.evidenceId, instances: progress,
    unchecked: receipts.filter((r) => r.copyId === null && r.runId === run.id).map(receiptView),
    totals: { copies: copies.length, removed: count('removed'), stillServed: count('still_served'), cannotVerify: count('cannot_verify'), accepted: count('accepted'), pending: count(null) },
  };
}
