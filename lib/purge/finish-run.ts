/**
 * Ends a purge run once nothing is outstanding (no step waiting, queued or awaiting an admin; no check round
 * queued or running): the run is done, audited with its counts, and the case becomes purged when EVERY copy of
 * the case (not only the run's) has a latest receipt of removed or accepted, else it goes back to open. Safe to
 * call any number of times: only the call that moves the run from running to done does anything.
 */
import { db } from '@/lib/db';
import { recordEvent } from '@/lib/audit/record-event';
import { lockCaseRow } from '@/lib/cases/case-access';
import { moveCaseState } from './move-case-state';

export const FINISH_ACTOR = { type: 'system' as const, label: 'purge.finish' };

export async function finishRunIfComplete(runId: string): Promise<boolean> {
  const run = await db.purgeRun.findUnique({ where: { id: runId }, select: { caseId: true, state: true } });
  if (!run || run.state !== 'running') return false;
  return db.$transaction(async (tx) => {
    const caseState = await lockCaseRow(tx, run.caseId);
    if (caseState === null) return false;
    const openSteps = await tx.purgeStep.count({ where: { runId, state: { in: ['waiting', 'queued', 'needs_admin'] } } });
    if (openSteps > 0) return false;
    const openChecks = await tx.purgeCheck.count({ where: { runId, status: { in: ['queued', 'running'] } } });
    if (openChecks > 0) return false;
    const done = await tx.purgeRun.updateMany({ where: { id: runId, state: 'running' }, data: { state: 'done', finishedAt: new Date() } });
    if (done.count === 0) return false;
    const copies = await tx.caseCopy.groupBy({ by: ['receiptVerdict'], where: { caseId: run.caseId }, _count: { _all: true } });
    const n = (v: string | null) => copies.find((c) => c.receiptVerdict === v)?._count._all ?? 0;
    const total = copies.reduce((s, c) => s + c._count._all, 0);
    const instanceLevel = await tx.purgeReceipt.count({ where: { runId, copyId: null, verdict: 'cannot_verify' } });
    const counts = { removed: n('removed'), stillServed: n('still_served'), cannotVerify: n('cannot_verify') + instanceLevel, accepted: n('accepted') };
    const purged = total > 0 && counts.removed + counts.accepted === total;
    await moveCaseState(tx, FINISH_ACTOR, run.caseId, caseState, purged ? 'purged' : 'open', purged ? 'every copy removed or accepted' : 'purge finished with copies not removed');
    await recordEvent(tx, { actor: FINISH_ACTOR, action: 'case.purge_finished', targetType: 'case', targetId: run.caseId, details: { runId, ...counts } });
    return true;
  }, { timeout: 30_000, maxWait: 30_000 });
}
