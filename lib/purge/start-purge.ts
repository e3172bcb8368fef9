/**
 * Confirms a purge: the moderator's option ids are checked against a plan rebuilt here from the database (a client
 * sends ids, never payloads), evidence is sealed first in its own committed transaction, then the run, its steps,
 * the case's 'purging' state and the audit events are written in ONE transaction, and the run is queued.
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import { actorId, actorLabel, type Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, canActOn, hasRole } from '@/lib/auth/policy';
import { lockCaseRow } from '@/lib/cases/case-access';
import { parseCaseId } from '@/lib/cases/case-id';
import { AppError } from '@/lib/errors';
import { ensureSealed } from '@/lib/evidence/ensure-sealed';
import { enqueuePurgeRun } from '@/lib/jobs/enqueue';
import { logger } from '@/lib/log/logger';
import { loadPurgePlan } from './get-purge-plan';
import type { PlannedStep, PurgeChoice, PurgeRunPlan } from './types';

const log = logger('purge');
const choicesInput = z.array(z.object({ instanceId: z.uuid(), optionId: z.string().min(1).max(64) })).max(1000);

interface Chosen { instanceId: string; optionId: string; steps: PlannedStep[]; copyIds: string[] }

export async function startPurge({ ctx, input }: { ctx: Ctx; input: { caseId: string; choices: PurgeChoice[] } }): Promise<{ runId: string; evidenceId: string; needsAdmin: number }> {
  const caseId = parseCaseId(input.caseId);
  const parsed = choicesInput.safeParse(input.choices ?? []);
  if (!parsed.success) throw new AppError('bad_request', 'invalid purge choices', { userMessage: 'The purge choices are not valid.' });
  assertAllowed(hasRole(ctx.actor, 'moderator'), 'purge');
  const plan = await loadPurgePlan(db, ctx.actor, caseId);
  const { chosen, checkOnly } = resolveChoices(plan, parsed.data);
  for (const c of chosen) assertAllowed(canActOn(ctx.actor, c.instanceId), `purge on instance ${c.instanceId}`);
  if (chosen.length === 0) throw new AppError('bad_request', 'nothing to purge', { userMessage: 'There is nothing to remove: no instance has a copy with an available option.' });
  await refuseRunning(db, caseId);
  // Sealed and committed before any step exists: nothing is destroyed that is not preserved first.
  const { evidenceId } = await ensureSealed({ ctx, input: { caseId, copyIds: [...new Set(chosen.flatMap((c) => c.copyIds))] } });
  const admin = hasRole(ctx.actor, 'admin');
  const runPlan: PurgeRunPlan = { ...plan, choices: chosen.map((c) => ({ instanceId: c.instanceId, optionId: c.optionId })), checkOnly };
  const out = await db.$transaction(async (tx) => {
    const from = await lockCaseRow(tx, caseId);
    if (from === null) throw new AppError('not_found', `case ${caseId} not found`);
    await refuseRunning(tx, caseId);
    const run = await tx.purgeRun.create({
      data: { caseId, plan: runPlan as object, evidenceId, requestedById: actorId(ctx.actor), requestedByLabel: actorLabel(ctx.actor) },
      select: { id: true },
    });
    const now = new Date();
    const rows = chosen.flatMap((c) => c.steps.map((s, position) => {
      const approved = s.needsAdmin && admin; // an admin's (or the system's) own confirmation is the approval
      return {
        runId: run.id, caseId, instanceId: c.instanceId, position, kind: s.kind, payload: s.payload as object, copyIds: s.copyIds,
        needsAdmin: s.needsAdmin, state: s.needsAdmin && !admin ? ('needs_admin' as const) : ('waiting' as const),
        ...(approved ? { approvedById: actorId(ctx.actor), approvedAt: now } : {}),
      };
    }));
    await tx.purgeStep.createMany({ data: rows });
    if (from !== 'purging') {
      await tx.case.update({ where: { id: caseId }, data: { state: 'purging', closedAt: null } });
      await recordEvent(tx, { actor: ctx.actor, action: 'case.state_changed', targetType: 'case', targetId: caseId, details: { from, to: 'purging' } });
    }
    await recordEvent(tx, {
      actor: ctx.actor, action: 'case.purge_started', targetType: 'case', targetId: caseId,
      details: { runId: run.id, evidenceId, instances: chosen.map((c) => ({ instanceId: c.instanceId, optionId: c.optionId, steps: c.steps.length })), checkOnly },
    });
    return { runId: run.id, needsAdmin: rows.filter((r) => r.state === 'needs_admin').length };
  });
  // If this fails the scheduler tick finds the run without a lease and queues it.
  await enqueuePurgeRun(out.runId).catch((e) => log.warn('enqueue failed; the tick will retry', { runId: out.runId, error: String(e) }));
  return { runId: out.runId, evidenceId, needsAdmin: out.needsAdmin };
}

async function refuseRunning(tx: Pick<typeof db, 'purgeRun'>, caseId: string): Promise<void> {
  const running = await tx.purgeRun.findFirst({ where: { caseId, state: 'running' }, select: { id: true } });
  if (running) throw new AppError('conflict', `case ${caseId} has a running purge ${running.id}`, { userMessage: 'A purge of this case is already running.' });
}

/** Every plan instance gets its chosen (or default) option; 'skip' leaves it out; an unknown or unavailable id is refused. */
export function resolveChoices(plan: PurgeRunPlan | Omit<PurgeRunPlan, 'choices' | 'checkOnly'>, choices: PurgeChoice[]): { chosen: Chosen[]; checkOnly: string[] } {
  for (const c of choices) {
    if (!plan.instances.some((i) => i.instance.id === c.instanceId)) {
      throw new AppError('bad_request', `instance ${c.instanceId} not in the plan`, { userMessage: 'That instance has no copy to purge (the plan changed: review it again).' });
    }
  }
  const chosen: Chosen[] = [];
  const checkOnly: string[] = [];
  for (const inst of plan.instances) {
    const optionId = choices.find((c) => c.instanceId === inst.instance.id)?.optionId ?? inst.defaultOptionId;
    if (optionId === 'skip') continue;
    if (optionId === null) { checkOnly.push(inst.instance.id); continue; }
    const option = inst.options.find((o) => o.id === optionId);
    if (!option) throw new AppError('bad_request', `unknown purge option ${optionId}`, { userMessage: `${inst.instance.name} has no option "${optionId}".` });
    if (option.unavailable) throw new AppError('bad_request', `purge option ${optionId} unavailable`, { userMessage: `${inst.instance.name}: ${option.label} is not possible: ${option.unavailable}` });
    chosen.push({ instanceId: inst.instance.id, optionId, steps: option.steps, copyIds: inst.copyIds });
  }
  return { chosen, checkOnly };
}
