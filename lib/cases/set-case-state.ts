/**
 * Closes or reopens a case. Purging and purged belong to the purge work (its own verbs): a case in either state,
 * or a request for either, is refused here. Reopening re-issues the case's signals with new ids, so every
 * process's case index (which drops closed cases) takes them in again by following the watermark.
 */
import { z } from 'zod';
import { db, type Tx } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors';
import { loadCaseForChange } from './case-access';
import { parseCaseId } from './case-id';

const stateInput = z.object({ state: z.enum(['open', 'closed']), reason: z.string().trim().max(2000).optional() });

export async function setCaseState({ ctx, input }: { ctx: Ctx; input: { caseId: string; state: 'open' | 'closed'; reason?: string } }): Promise<void> {
  const caseId = parseCaseId(input.caseId);
  const parsed = stateInput.safeParse({ state: input.state, reason: input.reason });
  if (!parsed.success) throw new AppError('bad_request', `invalid case state: ${String(input.state)}`, { userMessage: 'A case can be opened or closed here; purging has its own steps.' });
  await db.$transaction((tx) => changeState(tx, ctx, caseId, parsed.data.state, parsed.data.reason ?? null));
}

/** Shared with resolve-case.ts: the state change and its audit event, in the caller's transaction. */
export async function changeState(tx: Tx, ctx: Ctx, caseId: string, to: 'open' | 'closed', reason: string | null): Promise<{ from: string }> {
  const { row } = await loadCaseForChange(tx, ctx.actor, caseId);
  if (row.state === 'purging' || row.state === 'purged') {
    throw new AppError('bad_request', `case ${caseId} is ${row.state}`, { userMessage: 'This case is being purged; its state follows the purge.' });
  }
  if (row.state === to) return { from: row.state };
  await tx.case.update({ where: { id: caseId }, data: { state: to, closedAt: to === 'closed' ? new Date() : null } });
  if (to === 'open') await reissueSignals(tx, caseId);
  await recordEvent(tx, { actor: ctx.actor, action: 'case.state_changed', targetType: 'case', targetId: caseId, details: { from: row.state, to, reason } });
  return { from: row.state };
}

export async function reissueSignals(tx: Tx, caseId: string): Promise<void> {
  const signals = await tx.caseSignal.findMany({ where: { caseId }, select: { signalType: true, value: true } });
  if (signals.length === 0) return;
  await tx.caseSignal.deleteMany({ where: { caseId } });
  await tx.caseSignal.createMany({ data: signals.map((s) => ({ caseId, ...s })) });
}
